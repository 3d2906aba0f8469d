import { findPayment } from "../payments/find-payment.use-case.ts";
import {
  handlePaymentCallback,
  type HandlePaymentCallbackInput,
} from "../payments/handle-payment-callback.use-case.ts";
import { payments, type PaymentsInput } from "../payments/payments.use-case.ts";
import {
  reconcilePendingPayments,
  type ReconcilePendingPaymentsInput,
} from "../payments/reconcile-pending-payments.use-case.ts";
import { startTopUp, type StartTopUpInput } from "../payments/start-top-up.use-case.ts";
import {
  transferToCustomer,
  type TransferToCustomerInput,
} from "../resellers/transfer-to-customer.use-case.ts";
import type { RequestContext } from "../shared/request-context.ts";
import { adjustWallet, type AdjustWalletInput } from "./adjust-wallet.use-case.ts";
import { debitWallet, type DebitWalletInput } from "./debit-wallet.use-case.ts";
import { walletBalance } from "./wallet-balance.use-case.ts";
import type { WalletDeps } from "./wallet-deps.ts";
import { walletEntries, type WalletEntriesInput } from "./wallet-entries.use-case.ts";

/** The wallet and payment use cases bound to their ports: what resolvers, routes and jobs call. */
export function createWalletUseCases(deps: WalletDeps) {
  return {
    startTopUp: (input: StartTopUpInput, ctx: RequestContext) => startTopUp(deps, input, ctx),
    handlePaymentCallback: (input: HandlePaymentCallbackInput, ctx: RequestContext) =>
      handlePaymentCallback(deps, input, ctx),
    reconcilePendingPayments: (input: ReconcilePendingPaymentsInput, ctx: RequestContext) =>
      reconcilePendingPayments(deps, input, ctx),
    debitWallet: (input: DebitWalletInput, ctx: RequestContext) => debitWallet(deps, input, ctx),
    adjustWallet: (input: AdjustWalletInput, ctx: RequestContext) => adjustWallet(deps, input, ctx),
    walletBalance: (input: { userId: string }, ctx: RequestContext) => walletBalance(deps, input, ctx),
    walletEntries: (input: WalletEntriesInput, ctx: RequestContext) => walletEntries(deps, input, ctx),
    payments: (input: PaymentsInput, ctx: RequestContext) => payments(deps, input, ctx),
    findPayment: (id: string, ctx: RequestContext) => findPayment(deps, id, ctx),
    transferToCustomer: (input: TransferToCustomerInput, ctx: RequestContext) =>
      transferToCustomer(deps, input, ctx),
  };
}

export type WalletUseCases = ReturnType<typeof createWalletUseCases>;
