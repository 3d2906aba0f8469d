import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { Field, InputType, Int } from "type-graphql";

@InputType("SetServerQuotaInput", { description: "Whose server limit, and the new limit." })
export class SetServerQuotaInput {
  @GlobalIdField("User", { description: "The user's global id (`User.id`)." })
  userId!: LocalId<"User">;

  @Field(() => Int, {
    nullable: true,
    description:
      "How many live servers (not DELETED, not FAILED) the user may have; null returns them to the default. Servers over a lowered limit are kept.",
  })
  limit?: number | null;
}
