import type {
  AccountUseCases,
  BillingUseCases,
  InvoiceUseCases,
  LanguagePreferenceUseCases,
  RequestContext,
  ServerUseCases,
  WalletUseCases,
  WebhookUseCases,
} from "@peykarband/application";
import type { User } from "@peykarband/domain";
import type { Locale } from "../i18n/locale.ts";
import type { ServerLoaders } from "./server-loaders.ts";
import type { SubscriptionSlots } from "./subscription-slots.ts";
import type { UserLoaders } from "./user-loaders.ts";

/** Facts about this deployment that the API reports (`health`). */
export interface AppInfo {
  readonly version: string;
  readonly sandbox: boolean;
  /** The API's external base URL, for links it hands out (invoice PDFs). */
  readonly publicUrl: string;
}

/**
 * The wallet use cases GraphQL may reach. Debits and reconciliation are for other capabilities and
 * the worker, never for an API caller, so resolvers are not handed them.
 */
type GraphQLWalletUseCases = Pick<
  WalletUseCases,
  | "startTopUp"
  | "adjustWallet"
  | "walletBalance"
  | "walletEntries"
  | "payments"
  | "findPayment"
  | "transferToCustomer"
>;

/** The server use cases GraphQL may reach: the worker's jobs and the orphan sweep are not for callers. */
type GraphQLServerUseCases = Omit<ServerUseCases, "runServerJob" | "sweepOrphanServers">;

/** The billing use cases GraphQL may reach: settling usage is the worker's job. */
type GraphQLBillingUseCases = Omit<BillingUseCases, "settleUsage">;

/** The invoice use cases GraphQL may reach: issuing the month's invoices is the worker's job. */
type GraphQLInvoiceUseCases = Omit<InvoiceUseCases, "issueMonthlyInvoices">;

/** Every use case GraphQL may reach, one member per module, named as the module's folder. */
export interface GraphQLUseCases {
  readonly accounts: AccountUseCases;
  readonly wallet: GraphQLWalletUseCases;
  readonly servers: GraphQLServerUseCases;
  readonly billing: GraphQLBillingUseCases;
  readonly invoices: GraphQLInvoiceUseCases;
  readonly notifications: LanguagePreferenceUseCases;
  readonly webhooks: GraphQLWebhookUseCases;
}

/** The webhook use cases GraphQL may reach: attempts are the worker's jobs. */
type GraphQLWebhookUseCases = Omit<WebhookUseCases, "deliverWebhook">;

/** What the resolvers of one operation run with. */
export interface GraphQLContext extends RequestContext {
  /** The signed-in user, read with the session while authenticating; null when signed out or gone. */
  readonly viewerUser: User | null;
  readonly useCases: GraphQLUseCases;
  readonly loaders: UserLoaders & ServerLoaders;
  readonly locale: Locale;
  readonly app: AppInfo;
  /** Written by resolvers so the request log can tell "ok" from "userErrors". */
  readonly outcome: { userErrors: boolean };
  /** The subscriptions of this operation's WebSocket; null on HTTP, which serves no subscriptions. */
  readonly subscriptionSlots: SubscriptionSlots | null;
}
