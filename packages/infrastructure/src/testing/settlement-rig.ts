import { SERVER_JOB_NAMES } from "@peykarband/application";
import { DrizzleBillingRepository } from "../billing/billing.repository.ts";
import type { Database } from "../database/database.ts";
import { openJobQueue, type JobQueue } from "../jobs/pg-boss.job-queue.ts";
import { DrizzleServerRepository } from "../servers/server.repository.ts";
import { DrizzleWalletLedger } from "../wallet/wallet-ledger.repository.ts";
import { TEST_VAT_RATE } from "./billing-fixtures.ts";
import { seedCatalog } from "./server-fixtures.ts";
import type { TestDatabase } from "./test-database.ts";

export const HOUR = 3_600_000;
// 1405-07-23 in Tehran; 1 Aban 1405 begins 2026-10-22T20:30Z, 180.5 hours later.
export const t0 = new Date("2026-10-15T08:00:00.000Z");
export const at = (ms: number) => new Date(t0.getTime() + ms);

/** What a settlement test works on: a database with the catalog, a provisioning queue, and the repositories. */
export interface SettlementRig {
  readonly database: Database;
  readonly queue: JobQueue;
  readonly servers: DrizzleServerRepository;
  readonly billing: DrizzleBillingRepository;
  readonly ledger: DrizzleWalletLedger;
  close(): Promise<void>;
}

export async function openSettlementRig(target: TestDatabase): Promise<SettlementRig> {
  const database = await target.open();
  await seedCatalog(database);
  const queue = await openJobQueue(database, { onError: () => undefined });
  await queue.createQueue(SERVER_JOB_NAMES.provision, {
    policy: "standard",
    expireInSeconds: 60,
    retryLimit: 1,
  });
  return {
    database,
    queue,
    servers: new DrizzleServerRepository(database.db, queue, TEST_VAT_RATE),
    billing: new DrizzleBillingRepository(database.db, TEST_VAT_RATE),
    ledger: new DrizzleWalletLedger(database.db),
    close: async () => {
      await queue.stop({ timeoutMs: 1000 });
      await database.close();
    },
  };
}
