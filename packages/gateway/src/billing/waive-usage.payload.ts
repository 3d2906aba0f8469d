import { WAIVE_USAGE_ERROR_CODES, type WaiveUsageErrorCode } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import type { UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { defineUserError } from "../schema/user-errors/user-error.factory.ts";
import { WalletType } from "../wallet/wallet.type.ts";

const WaiveUsageUserError = defineUserError("WaiveUsage", WAIVE_USAGE_ERROR_CODES);

@ObjectType("WaiveUsagePayload", { description: "The result of `waiveUsage`." })
export class WaiveUsagePayload {
  @Field(() => WalletType, {
    nullable: true,
    description: "The customer's wallet after the waiver; null on failure.",
  })
  wallet!: WalletType | null;

  @Field(() => [WaiveUsageUserError], { description: "Why nothing was waived; empty on success." })
  userErrors!: UserErrorView<WaiveUsageErrorCode>[];
}
