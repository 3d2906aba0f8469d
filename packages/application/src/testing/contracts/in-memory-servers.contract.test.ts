import { describe } from "vitest";
import { sequentialIds } from "../fake-crypto.ts";
import { InMemoryServerRepository } from "../in-memory-servers.ts";
import { InMemoryWalletLedger } from "../in-memory-wallet-ledger.ts";
import { serverRepositoryContract } from "./server-repository.contract.ts";

describe("InMemoryServerRepository keeps the ServerRepository contract", () => {
  serverRepositoryContract(async () => {
    const ids = sequentialIds();
    const ledger = new InMemoryWalletLedger();
    return {
      servers: new InMemoryServerRepository(ledger),
      ledger,
      newId: ids.newId,
      newUser: async () => ids.newId(),
    };
  });
});
