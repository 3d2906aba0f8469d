export type { ContractFixture, OpenContractFixture } from "./contract-fixture.ts";
export { sessionRepositoryContract, type SessionRepositoryFixture } from "./session-repository.contract.ts";
export { walletLedgerContract, type WalletLedgerFixture } from "./wallet-ledger.contract.ts";
