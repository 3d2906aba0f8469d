import { TRANSFER_TO_CUSTOMER_ERROR_CODES, type TransferToCustomerErrorCode } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import { defineUserError, type UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { WalletType } from "../wallet/wallet.type.ts";

const TransferToCustomerUserError = defineUserError("TransferToCustomer", TRANSFER_TO_CUSTOMER_ERROR_CODES);

@ObjectType("TransferToCustomerPayload", { description: "The result of `transferToCustomer`." })
export class TransferToCustomerPayload {
  @Field(() => WalletType, {
    nullable: true,
    description: "Your wallet after the transfer; null on failure.",
  })
  wallet!: WalletType | null;

  @Field(() => WalletType, {
    nullable: true,
    description: "The customer's wallet after the transfer; null on failure.",
  })
  customerWallet!: WalletType | null;

  @Field(() => [TransferToCustomerUserError], { description: "Why nothing moved; empty on success." })
  userErrors!: UserErrorView<TransferToCustomerErrorCode>[];
}
