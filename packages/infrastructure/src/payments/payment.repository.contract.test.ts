import { paymentRepositoryContract } from "@peykarband/application/testing/contracts";
import { randomUUID } from "node:crypto";
import { describe } from "vitest";
import { openJobQueue } from "../jobs/pg-boss.job-queue.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { testDatabases } from "../testing/test-database.ts";
import { DrizzlePaymentRepository } from "./payment.repository.ts";
import { DrizzleWalletLedger } from "../wallet/wallet-ledger.repository.ts";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(
    `DrizzlePaymentRepository keeps the PaymentRepository contract on ${target.name}`,
    () => {
      paymentRepositoryContract(async () => {
        const database = await target.open();
        const queue = await openJobQueue(database, { role: "producer", onError: () => undefined });
        return {
          payments: new DrizzlePaymentRepository(database.db, queue),
          ledger: new DrizzleWalletLedger(database.db),
          newId: randomUUID,
          newUser: async () => (await insertUser(database)).id,
          close: async () => {
            await queue.stop({ timeoutMs: 1000 });
            await database.close();
          },
        };
      });
    },
  );
}
