import {
  CONFIRM_TWO_FACTOR_SETUP_ERROR_CODES,
  type ConfirmTwoFactorSetupErrorCode,
} from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import type { UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { defineUserError } from "../schema/user-errors/user-error.factory.ts";
import { UserType } from "./user.type.ts";

const ConfirmTwoFactorSetupUserError = defineUserError(
  "ConfirmTwoFactorSetup",
  CONFIRM_TWO_FACTOR_SETUP_ERROR_CODES,
);

@ObjectType("ConfirmTwoFactorSetupPayload", { description: "The result of `confirmTwoFactorSetup`." })
export class ConfirmTwoFactorSetupPayload {
  @Field(() => [String], {
    nullable: true,
    description:
      "One-time recovery codes, each usable once instead of a TOTP code. Shown only now; null on failure.",
  })
  recoveryCodes!: string[] | null;

  @Field(() => UserType, {
    nullable: true,
    description: "The account, now with two-factor on; null on failure.",
  })
  user!: UserType | null;

  @Field(() => [ConfirmTwoFactorSetupUserError], {
    description: "Why two-factor was not turned on; empty on success.",
  })
  userErrors!: UserErrorView<ConfirmTwoFactorSetupErrorCode>[];
}
