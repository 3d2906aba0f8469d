export { testDatabases, type TestDatabase } from "./test-database.ts";
export { aNewUser, insertUser, insertUsers } from "./account-fixtures.ts";
export { FixedClock } from "./fixed-clock.ts";
export { checkLedger, expectLedgerBalanced, ledgerSnapshot } from "./ledger-check.ts";
export { aPayment, fundWallet } from "./wallet-fixtures.ts";
export { aServer, anOrder, seedCatalog } from "./server-fixtures.ts";
export { countStatements } from "./statement-counter.ts";
export { claimJobAndDie, jobState } from "./job-fixtures.ts";
export { insertRunningServers, TEST_VAT_RATE } from "./billing-fixtures.ts";
