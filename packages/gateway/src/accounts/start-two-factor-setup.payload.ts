import {
  START_TWO_FACTOR_SETUP_ERROR_CODES,
  type StartTwoFactorSetupErrorCode,
} from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import type { UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { defineUserError } from "../schema/user-errors/user-error.factory.ts";

const StartTwoFactorSetupUserError = defineUserError(
  "StartTwoFactorSetup",
  START_TWO_FACTOR_SETUP_ERROR_CODES,
);

@ObjectType("StartTwoFactorSetupPayload", {
  description: "The result of `startTwoFactorSetup`. Two-factor turns on only after `confirmTwoFactorSetup`.",
})
export class StartTwoFactorSetupPayload {
  @Field(() => String, {
    nullable: true,
    description: "otpauth:// URI to show as a QR code to an authenticator app; null on failure.",
  })
  otpauthUri!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The same TOTP secret in base32, for typing in by hand; null on failure. Shown only now.",
  })
  secret!: string | null;

  @Field(() => [StartTwoFactorSetupUserError], { description: "Why setup did not start; empty on success." })
  userErrors!: UserErrorView<StartTwoFactorSetupErrorCode>[];
}
