import { walletLedgerContract } from "@peykarband/application/testing/contracts";
import { randomUUID } from "node:crypto";
import { describe } from "vitest";
import { insertUser } from "../testing/account-fixtures.ts";
import { testDatabases } from "../testing/test-database.ts";
import { DrizzleWalletLedger } from "./wallet-ledger.repository.ts";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(
    `DrizzleWalletLedger keeps the WalletLedger contract on ${target.name}`,
    () => {
      walletLedgerContract(async () => {
        const database = await target.open();
        return {
          ledger: new DrizzleWalletLedger(database.db),
          newId: randomUUID,
          newUser: async () => (await insertUser(database)).id,
          close: () => database.close(),
        };
      });
    },
  );
}
