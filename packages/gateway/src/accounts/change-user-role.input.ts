import type { Role } from "@peykarband/domain";
import { MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";
import { RoleEnum } from "./role.enum.ts";

@InputType("ChangeUserRoleInput", { description: "Whose role to change, and to what." })
export class ChangeUserRoleInput {
  @Field(() => ID, { description: "The user's global id." })
  @MaxLength(TEXT_LIMITS.id)
  userId!: string;

  @Field(() => RoleEnum, { description: "The new role. The user's sessions end so it applies at once." })
  role!: Role;
}
