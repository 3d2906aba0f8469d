import { ADJUST_WALLET_ERROR_CODES, type AdjustWalletErrorCode } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import type { UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { defineUserError } from "../schema/user-errors/user-error.factory.ts";
import { WalletType } from "./wallet.type.ts";

const AdjustWalletUserError = defineUserError("AdjustWallet", ADJUST_WALLET_ERROR_CODES);

@ObjectType("AdjustWalletPayload", { description: "The result of `adjustWallet`." })
export class AdjustWalletPayload {
  @Field(() => WalletType, {
    nullable: true,
    description: "The wallet after the adjustment; null on failure.",
  })
  wallet!: WalletType | null;

  @Field(() => [AdjustWalletUserError], { description: "Why the wallet was not adjusted; empty on success." })
  userErrors!: UserErrorView<AdjustWalletErrorCode>[];
}
