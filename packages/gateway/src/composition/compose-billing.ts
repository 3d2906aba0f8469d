import { createBillingUseCases, type BillingUseCases } from "@peykarband/application";
import {
  DrizzleBillingRepository,
  DrizzleServerRepository,
  DrizzleWalletLedger,
  type AccountAdapters,
  type Database,
  type JobQueue,
} from "@peykarband/infrastructure";

/** The billing use cases on the app's database: meters, settlement, usage and waivers. */
export function composeBilling(input: {
  readonly database: Database;
  readonly accounts: AccountAdapters;
  readonly queue: JobQueue;
}): BillingUseCases {
  const { database, accounts, queue } = input;
  return createBillingUseCases({
    billing: new DrizzleBillingRepository(database.db),
    servers: new DrizzleServerRepository(database.db, queue),
    ledger: DrizzleWalletLedger.on(database),
    audit: accounts.audit,
    clock: accounts.clock,
    ids: accounts.ids,
  });
}
