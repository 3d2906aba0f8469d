import type { Role } from "@peykarband/domain";
import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";
import { RoleEnum } from "./role.enum.ts";

@InputType("ChangeUserRoleInput", { description: "Whose role to change, and to what." })
export class ChangeUserRoleInput {
  @GlobalIdField("User", { description: "The user's global id." })
  userId!: LocalId<"User">;

  @Field(() => RoleEnum, { description: "The new role. The user's sessions end so it applies at once." })
  role!: Role;

  @Field(() => String, {
    nullable: true,
    description:
      "A code from the authenticator app (or a recovery code), unless this session called confirmSecondFactor in the last five minutes.",
  })
  @MaxLength(TEXT_LIMITS.code)
  totpCode?: string | null;
}
