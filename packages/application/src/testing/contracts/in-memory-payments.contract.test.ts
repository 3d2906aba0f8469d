import { describe } from "vitest";
import { sequentialIds } from "../fake-crypto.ts";
import { InMemoryPayments } from "../in-memory-payments.ts";
import { InMemoryWalletLedger } from "../in-memory-wallet-ledger.ts";
import { paymentRepositoryContract } from "./payment-repository.contract.ts";

describe("InMemoryPayments keeps the PaymentRepository contract", () => {
  paymentRepositoryContract(async () => {
    const ids = sequentialIds();
    const ledger = new InMemoryWalletLedger();
    return {
      payments: new InMemoryPayments(ledger),
      ledger,
      newId: ids.newId,
      newUser: async () => ids.newId(),
    };
  });
});
