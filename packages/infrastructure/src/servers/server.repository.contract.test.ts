import { SERVER_JOB_NAMES } from "@peykarband/application";
import { serverRepositoryContract } from "@peykarband/application/testing/contracts";
import { randomUUID } from "node:crypto";
import { describe } from "vitest";
import { openJobQueue } from "../jobs/pg-boss.job-queue.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { TEST_VAT_RATE } from "../testing/billing-fixtures.ts";
import { seedCatalog } from "../testing/server-fixtures.ts";
import { testDatabases } from "../testing/test-database.ts";
import { DrizzleWalletLedger } from "../wallet/wallet-ledger.repository.ts";
import { DrizzleServerRepository } from "./server.repository.ts";

const QUEUE = { policy: "standard", expireInSeconds: 60, retryLimit: 1 } as const;

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(
    `DrizzleServerRepository keeps the ServerRepository contract on ${target.name}`,
    () => {
      serverRepositoryContract(async () => {
        const database = await target.open();
        await seedCatalog(database);
        const errors: Error[] = [];
        const queue = await openJobQueue(database, { onError: (error) => errors.push(error) });
        await queue.createQueue(SERVER_JOB_NAMES.provision, QUEUE);
        await queue.createQueue(SERVER_JOB_NAMES.operate, QUEUE);
        return {
          servers: new DrizzleServerRepository(database.db, queue, TEST_VAT_RATE),
          ledger: new DrizzleWalletLedger(database.db),
          newId: randomUUID,
          newUser: async () => (await insertUser(database)).id,
          async close() {
            await queue.stop({ timeoutMs: 1000 });
            await database.close();
            if (errors.length > 0) throw errors[0];
          },
        };
      });
    },
  );
}
