import {
  createBillingUseCases,
  createInvoiceUseCases,
  createLanguagePreferenceUseCases,
  type BillingUseCases,
  type InvoiceUseCases,
  type LanguagePreferenceUseCases,
  type StepUp,
} from "@peykarband/application";
import {
  DrizzleBillingRepository,
  DrizzleInvoiceRepository,
  DrizzleLanguagePreferences,
  DrizzleServerRepository,
  DrizzleWalletLedger,
  HmacLinkSigner,
  PdfkitInvoicePdf,
  type Config,
  type Database,
  type JobQueue,
} from "@peykarband/infrastructure";
import { composeAccounts, type AccountAdapters } from "./compose-accounts.ts";

/**
 * The billing, invoice and notice-language use cases on the app's database: meters, settlement,
 * usage, waivers, invoices, and the language of the customer's notices.
 */
export function composeBilling(input: {
  readonly config: Config;
  readonly database: Database;
  readonly accounts: AccountAdapters & {
    /** The app's own, so that its account policy applies; the default policy's otherwise. */
    readonly stepUp?: StepUp;
  };
  readonly queue: JobQueue;
}): {
  readonly billing: BillingUseCases;
  readonly invoices: InvoiceUseCases;
  readonly notifications: LanguagePreferenceUseCases;
} {
  const { config, database, accounts, queue } = input;
  const billing = new DrizzleBillingRepository(database.db, config.vatRateBasisPoints);
  return {
    billing: createBillingUseCases({
      billing,
      servers: new DrizzleServerRepository(database.db, queue, config.vatRateBasisPoints),
      ledger: DrizzleWalletLedger.on(database),
      users: accounts.users,
      audit: accounts.audit,
      clock: accounts.clock,
      ids: accounts.ids,
      vatRate: config.vatRateBasisPoints,
      stepUp: accounts.stepUp ?? composeAccounts(accounts, config).stepUp,
    }),
    invoices: createInvoiceUseCases({
      invoices: new DrizzleInvoiceRepository(database.db, queue),
      users: accounts.users,
      billing,
      clock: accounts.clock,
      ids: accounts.ids,
      seller: config.seller,
      vatRate: config.vatRateBasisPoints,
      pdf: new PdfkitInvoicePdf(),
      links: new HmacLinkSigner(config.secrets.secretBoxKey, "invoice-pdf-links"),
    }),
    // The language of billing's notices (dunning), set by the customer.
    notifications: createLanguagePreferenceUseCases({
      languages: new DrizzleLanguagePreferences(database.db),
    }),
  };
}
