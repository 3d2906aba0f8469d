export type { ContractFixture, OpenContractFixture } from "./contract-fixture.ts";
export { sessionRepositoryContract, type SessionRepositoryFixture } from "./session-repository.contract.ts";
export { walletLedgerContract, type WalletLedgerFixture } from "./wallet-ledger.contract.ts";
export { paymentRepositoryContract, type PaymentRepositoryFixture } from "./payment-repository.contract.ts";
export { cloudProviderContract, type CloudProviderFixture } from "./cloud-provider.contract.ts";
export { serverRepositoryContract, type ServerRepositoryFixture } from "./server-repository.contract.ts";
