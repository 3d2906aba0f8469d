import { sessionRepositoryContract } from "@peykarband/application/testing/contracts";
import { randomUUID } from "node:crypto";
import { describe } from "vitest";
import { insertUser } from "../testing/account-fixtures.ts";
import { testDatabases } from "../testing/test-database.ts";
import { DrizzleSessionRepository } from "./session.repository.ts";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(
    `DrizzleSessionRepository keeps the SessionRepository contract on ${target.name}`,
    () => {
      sessionRepositoryContract(async () => {
        const database = await target.open();
        return {
          sessions: new DrizzleSessionRepository(database.db),
          newId: randomUUID,
          newUser: async () => (await insertUser(database)).id,
          close: () => database.close(),
        };
      });
    },
  );
}
