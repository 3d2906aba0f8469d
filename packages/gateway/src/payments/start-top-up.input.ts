import type { PaymentGatewayName } from "@peykarband/domain";
import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";
import { RialScalar } from "../schema/scalars/rial.scalar.ts";
import { PaymentGatewayEnum } from "./payment-gateway.enum.ts";

@InputType("StartTopUpInput", { description: "How much to add to your wallet, and through which gateway." })
export class StartTopUpInput {
  @Field(() => RialScalar, {
    description:
      'Whole rials, such as "5000000". At least the gateway\'s minimum, at most the lower of its maximum and our per-top-up ceiling.',
  })
  @MaxLength(TEXT_LIMITS.amount)
  amount!: string;

  @Field(() => PaymentGatewayEnum, { description: "Which gateway's page the payer goes to." })
  gateway!: PaymentGatewayName;

  @Field(() => String, {
    description:
      "A fresh key per top-up (a UUID will do), 1 to 100 printable ASCII characters. Sending the same input with the same key again returns the first answer; another input with it is IDEMPOTENCY_KEY_REUSED.",
  })
  @MaxLength(TEXT_LIMITS.idempotencyKey)
  idempotencyKey!: string;
}
