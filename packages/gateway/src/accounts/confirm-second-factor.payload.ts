import {
  CONFIRM_SECOND_FACTOR_ERROR_CODES,
  type ConfirmSecondFactorErrorCode,
} from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { defineUserError, type UserErrorView } from "../schema/user-errors/user-error.factory.ts";

const ConfirmSecondFactorUserError = defineUserError(
  "ConfirmSecondFactor",
  CONFIRM_SECOND_FACTOR_ERROR_CODES,
);

@ObjectType("ConfirmSecondFactorPayload", { description: "The result of `confirmSecondFactor`." })
export class ConfirmSecondFactorPayload {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "Until when this session may call money-moving and role-changing mutations without a code; null on failure.",
  })
  freshUntil!: Date | null;

  @Field(() => [ConfirmSecondFactorUserError], {
    description: "Why the code was not accepted; empty on success.",
  })
  userErrors!: UserErrorView<ConfirmSecondFactorErrorCode>[];
}
