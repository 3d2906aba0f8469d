import { SERVER_JOB_NAMES } from "@peykarband/application";
import { afterAll, beforeAll, expect } from "vitest";
import type { Database } from "../src/database/database.ts";
import { openJobQueue, type JobQueue } from "../src/jobs/pg-boss.job-queue.ts";
import { DrizzleServerRepository } from "../src/servers/server.repository.ts";
import { insertUser } from "../src/testing/account-fixtures.ts";
import { TEST_VAT_RATE } from "../src/testing/billing-fixtures.ts";
import { expectLedgerBalanced } from "../src/testing/ledger-check.ts";
import { seedCatalog } from "../src/testing/server-fixtures.ts";
import type { TestDatabase } from "../src/testing/test-database.ts";
import { fundWallet } from "../src/testing/wallet-fixtures.ts";
import { DrizzleWalletLedger } from "../src/wallet/wallet-ledger.repository.ts";

const QUEUE = { policy: "standard", expireInSeconds: 60, retryLimit: 1 } as const;

export interface ServerRepositoryKit {
  readonly database: Database;
  readonly queue: JobQueue;
  readonly repo: DrizzleServerRepository;
  readonly ledger: DrizzleWalletLedger;
  aFundedUser(rials?: bigint): ReturnType<typeof insertUser>;
  historyRowCount(serverId: string): Promise<number>;
}

/**
 * A server repository on a scratch database with the catalog seeded and the server queues made,
 * opened before the describe's tests and checked (ledger balanced, no queue error) after them.
 */
export function serverRepositoryKit(target: TestDatabase): ServerRepositoryKit {
  let opened: Pick<ServerRepositoryKit, "database" | "queue" | "repo" | "ledger"> | undefined;
  const errors: Error[] = [];
  beforeAll(async () => {
    const database = await target.open();
    await seedCatalog(database);
    const queue = await openJobQueue(database, {
      onError: (error) => errors.push(error),
      cronIntervalSeconds: 1,
    });
    await queue.createQueue(SERVER_JOB_NAMES.provision, QUEUE);
    await queue.createQueue(SERVER_JOB_NAMES.operate, QUEUE);
    opened = {
      database,
      queue,
      repo: new DrizzleServerRepository(database.db, queue, TEST_VAT_RATE),
      ledger: new DrizzleWalletLedger(database.db),
    };
  });
  afterAll(async () => {
    if (opened) await expectLedgerBalanced(opened.database.db);
    await opened?.queue.stop({ timeoutMs: 1000 });
    await opened?.database.close();
    expect(errors).toEqual([]);
  });
  const open = () => {
    if (!opened) throw new Error("the server repository kit is used before its beforeAll ran");
    return opened;
  };
  return {
    get database() {
      return open().database;
    },
    get queue() {
      return open().queue;
    },
    get repo() {
      return open().repo;
    },
    get ledger() {
      return open().ledger;
    },
    async aFundedUser(rials = 1_000_000n) {
      const user = await insertUser(open().database);
      await fundWallet(open().ledger, user.id, rials);
      return user;
    },
    async historyRowCount(serverId) {
      return (await open().repo.history(serverId)).length;
    },
  };
}
