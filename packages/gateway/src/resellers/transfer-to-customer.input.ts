import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";
import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { RialScalar } from "../schema/scalars/rial.scalar.ts";

@InputType("TransferToCustomerInput", {
  description: "Which customer, how much, and a key that makes retries safe.",
})
export class TransferToCustomerInput {
  @GlobalIdField("User", {
    description: "The customer's global id (`User.id`). One that is not your customer is CUSTOMER_NOT_FOUND.",
  })
  customerId!: LocalId<"User">;

  @Field(() => RialScalar, {
    description: "Whole rials to move from your wallet to the customer's, more than zero.",
  })
  @MaxLength(TEXT_LIMITS.amount)
  amount!: string;

  @Field(() => String, {
    description:
      "A fresh key per transfer (a UUID will do). The same transfer with the same key returns the first answer and moves the money once; another transfer with it is IDEMPOTENCY_KEY_REUSED.",
  })
  @MaxLength(TEXT_LIMITS.idempotencyKey)
  idempotencyKey!: string;
}
