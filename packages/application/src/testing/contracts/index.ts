export type { ContractFixture, OpenContractFixture } from "./contract-fixture.ts";
export { sessionRepositoryContract, type SessionRepositoryFixture } from "./session-repository.contract.ts";
