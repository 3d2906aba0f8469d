import { SERVER_JOB_NAMES, type ServerChange } from "@peykarband/application";
import type { ServerStatus } from "@peykarband/domain";
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

type MoreOfTheChange = Omit<ServerChange, "serverId" | "from" | "to" | "at">;

/** What a settlement test works on: a database with the catalog, a provisioning queue, and the repositories. */
export interface SettlementRig {
  readonly database: Database;
  readonly queue: JobQueue;
  readonly servers: DrizzleServerRepository;
  readonly billing: DrizzleBillingRepository;
  readonly ledger: DrizzleWalletLedger;
  /** Moves a server from one status to another `offsetMs` after t0, with any more of the change; throws unless CHANGED. */
  move(
    serverId: string,
    from: ServerStatus,
    to: ServerStatus,
    offsetMs: number,
    more?: MoreOfTheChange,
  ): Promise<void>;
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
  const servers = new DrizzleServerRepository(database.db, queue, TEST_VAT_RATE);
  return {
    database,
    queue,
    servers,
    billing: new DrizzleBillingRepository(database.db, TEST_VAT_RATE),
    ledger: new DrizzleWalletLedger(database.db),
    move: async (serverId, from, to, offsetMs, more = {}) => {
      const outcome = await servers.change({ serverId, from: [from], to, at: at(offsetMs), ...more });
      if (outcome.status !== "CHANGED")
        throw new Error(`server not moved from ${from} to ${to}: ${outcome.status}`);
    },
    close: async () => {
      await queue.stop({ timeoutMs: 1000 });
      await database.close();
    },
  };
}
