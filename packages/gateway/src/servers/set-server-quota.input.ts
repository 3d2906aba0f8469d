import { MaxLength } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

@InputType("SetServerQuotaInput", { description: "Whose server limit, and the new limit." })
export class SetServerQuotaInput {
  @Field(() => ID, { description: "The user's global id (`User.id`)." })
  @MaxLength(TEXT_LIMITS.id)
  userId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "How many live servers (not DELETED, not FAILED) the user may have; null returns them to the default. Servers over a lowered limit are kept.",
  })
  limit?: number | null;
}
