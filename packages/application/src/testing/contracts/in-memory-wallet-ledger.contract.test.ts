import { describe } from "vitest";
import { sequentialIds } from "../fake-crypto.ts";
import { InMemoryWalletLedger } from "../in-memory-wallet-ledger.ts";
import { walletLedgerContract } from "./wallet-ledger.contract.ts";

describe("InMemoryWalletLedger keeps the WalletLedger contract", () => {
  walletLedgerContract(async () => {
    const ids = sequentialIds();
    return { ledger: new InMemoryWalletLedger(), newId: ids.newId, newUser: async () => ids.newId() };
  });
});
