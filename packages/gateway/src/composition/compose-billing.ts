import {
  createBillingUseCases,
  createInvoiceUseCases,
  type BillingUseCases,
  type InvoiceUseCases,
} from "@peykarband/application";
import {
  DrizzleBillingRepository,
  DrizzleInvoiceRepository,
  DrizzleServerRepository,
  DrizzleWalletLedger,
  HmacLinkSigner,
  PdfkitInvoicePdf,
  type Config,
  type Database,
  type JobQueue,
} from "@peykarband/infrastructure";
import type { AccountAdapters } from "./compose-accounts.ts";

/** The billing and invoice use cases on the app's database: meters, settlement, usage, waivers, invoices. */
export function composeBilling(input: {
  readonly config: Config;
  readonly database: Database;
  readonly accounts: AccountAdapters;
  readonly queue: JobQueue;
}): BillingUseCases & InvoiceUseCases {
  const { config, database, accounts, queue } = input;
  const billing = new DrizzleBillingRepository(database.db, config.vatRateBasisPoints);
  return {
    ...createBillingUseCases({
      billing,
      servers: new DrizzleServerRepository(database.db, queue, config.vatRateBasisPoints),
      ledger: DrizzleWalletLedger.on(database),
      audit: accounts.audit,
      clock: accounts.clock,
      ids: accounts.ids,
      vatRate: config.vatRateBasisPoints,
    }),
    ...createInvoiceUseCases({
      invoices: new DrizzleInvoiceRepository(database.db),
      billing,
      clock: accounts.clock,
      ids: accounts.ids,
      seller: config.seller,
      vatRate: config.vatRateBasisPoints,
      pdf: new PdfkitInvoicePdf(),
      links: new HmacLinkSigner(config.secrets.secretBoxKey, "invoice-pdf-links"),
    }),
  };
}
