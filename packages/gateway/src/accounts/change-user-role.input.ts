import type { Role } from "@peykarband/domain";
import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { Field, InputType } from "type-graphql";
import { StepUpCodeField } from "./step-up-code-field.decorator.ts";
import { RoleEnum } from "./role.enum.ts";

@InputType("ChangeUserRoleInput", { description: "Whose role to change, and to what." })
export class ChangeUserRoleInput {
  @GlobalIdField("User", { description: "The user's global id." })
  userId!: LocalId<"User">;

  @Field(() => RoleEnum, { description: "The new role. The user's sessions end so it applies at once." })
  role!: Role;

  @StepUpCodeField()
  totpCode?: string | null;
}
