import { DISABLE_TWO_FACTOR_ERROR_CODES, type DisableTwoFactorErrorCode } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import type { UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { defineUserError } from "../schema/user-errors/user-error.factory.ts";
import { UserType } from "./user.type.ts";

const DisableTwoFactorUserError = defineUserError("DisableTwoFactor", DISABLE_TWO_FACTOR_ERROR_CODES);

@ObjectType("DisableTwoFactorPayload", { description: "The result of `disableTwoFactor`." })
export class DisableTwoFactorPayload {
  @Field(() => UserType, {
    nullable: true,
    description: "The account, now without two-factor; null on failure.",
  })
  user!: UserType | null;

  @Field(() => [DisableTwoFactorUserError], { description: "Why two-factor stayed on; empty on success." })
  userErrors!: UserErrorView<DisableTwoFactorErrorCode>[];
}
