import { START_TOP_UP_ERROR_CODES, type StartTopUpErrorCode } from "@peykarband/application";
import { Field, Int, ObjectType } from "type-graphql";
import type { UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { defineUserError } from "../schema/user-errors/user-error.factory.ts";
import { PaymentType } from "./payment.type.ts";

const StartTopUpUserError = defineUserError("StartTopUp", START_TOP_UP_ERROR_CODES);

@ObjectType("StartTopUpPayload", { description: "The result of `startTopUp`." })
export class StartTopUpPayload {
  @Field(() => PaymentType, { nullable: true, description: "The PENDING payment; null on failure." })
  payment!: PaymentType | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The gateway's payment page: send the browser there. It comes back through our callback to the result page. Null on failure.",
  })
  redirectUrl!: string | null;

  @Field(() => [StartTopUpUserError], { description: "Why no payment was opened; empty on success." })
  userErrors!: UserErrorView<StartTopUpErrorCode>[];

  @Field(() => Int, {
    nullable: true,
    description:
      "With `TOO_MANY_TOP_UPS`: seconds until `startTopUp` is accepted again, as HTTP's Retry-After. Null otherwise.",
  })
  retryAfterSeconds!: number | null;
}
