import type { AccountUseCases, RequestContext, WalletUseCases } from "@peykarband/application";
import type { Locale } from "../i18n/locale.ts";
import type { UserLoaders } from "./user-loaders.ts";

/** Facts about this deployment that the API reports (`health`). */
export interface AppInfo {
  readonly version: string;
  readonly sandbox: boolean;
}

/**
 * The wallet use cases GraphQL may reach. Debits and reconciliation are for other capabilities and
 * the worker, never for an API caller, so resolvers are not handed them.
 */
export type GraphQLWalletUseCases = Pick<
  WalletUseCases,
  "startTopUp" | "adminAdjustWallet" | "walletBalance" | "walletEntries" | "listPayments" | "findPayment"
>;

/** What the resolvers of one operation run with. */
export interface GraphQLContext extends RequestContext {
  readonly useCases: AccountUseCases;
  readonly wallet: GraphQLWalletUseCases;
  readonly loaders: UserLoaders;
  readonly locale: Locale;
  readonly app: AppInfo;
  /** Written by resolvers so the request log can tell "ok" from "userErrors". */
  readonly outcome: { userErrors: boolean };
}
