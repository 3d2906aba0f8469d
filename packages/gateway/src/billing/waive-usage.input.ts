import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { StepUpCodeField } from "../accounts/step-up-code-field.decorator.ts";
import { TEXT_LIMITS } from "../limits/query-limits.ts";
import { RialScalar } from "../schema/scalars/rial.scalar.ts";

@InputType("WaiveUsageInput", { description: "Which server's usage, how much of it, and why." })
export class WaiveUsageInput {
  @GlobalIdField("Server", { description: "The server's global id." })
  serverId!: LocalId<"Server">;

  @Field(() => RialScalar, {
    description: "Positive whole rials, at most what the server has accrued so far.",
  })
  @MaxLength(TEXT_LIMITS.amount)
  amount!: string;

  @Field(() => String, {
    description:
      "Why, shown on the customer's statement and kept in the audit log. Required, at most 400 characters.",
  })
  @MaxLength(TEXT_LIMITS.reason)
  reason!: string;

  @Field(() => String, {
    description:
      "A fresh key per waiver (a UUID will do). The same waiver with the same key returns the first answer; another waiver with it is IDEMPOTENCY_KEY_REUSED.",
  })
  @MaxLength(TEXT_LIMITS.idempotencyKey)
  idempotencyKey!: string;

  @StepUpCodeField()
  totpCode?: string | null;
}
