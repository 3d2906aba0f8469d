import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { StepUpCodeField } from "../accounts/step-up-code-field.decorator.ts";
import { TEXT_LIMITS } from "../limits/query-limits.ts";
import { RialScalar } from "../schema/scalars/rial.scalar.ts";

@InputType("AdjustWalletInput", { description: "Whose wallet, by how much, and why." })
export class AdjustWalletInput {
  @GlobalIdField("User", {
    description: "The user's global id. Not your own: another administrator must adjust yours.",
  })
  userId!: LocalId<"User">;

  @Field(() => RialScalar, {
    description:
      'Signed whole rials: "2500000" credits the wallet, "-2500000" takes from it (never below zero). At most 1,000,000,000 either way.',
  })
  @MaxLength(TEXT_LIMITS.amount)
  amount!: string;

  @Field(() => String, {
    description:
      "Why, shown on the customer's statement and kept in the audit log. Required, at most 500 characters.",
  })
  @MaxLength(TEXT_LIMITS.reason)
  reason!: string;

  @Field(() => String, {
    description:
      "A fresh key per adjustment (a UUID will do). The same adjustment with the same key returns the first answer; another adjustment with it is IDEMPOTENCY_KEY_REUSED.",
  })
  @MaxLength(TEXT_LIMITS.idempotencyKey)
  idempotencyKey!: string;

  @StepUpCodeField()
  totpCode?: string | null;
}
