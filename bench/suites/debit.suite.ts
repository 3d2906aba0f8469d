/**
 * Wallet debits through DrizzleWalletLedger (one autocommit call of `ledger_write`: reference row,
 * entries, conditional balance UPDATE) against a bare
 * `UPDATE wallets SET balance = balance - $1 WHERE user_id = $2 AND balance >= $1` loop on the same
 * database in the same run, 50 concurrent workers, on one hot wallet and spread over 1,000 wallets.
 */
import { randomUUID } from "node:crypto";
import { Rial, walletDebitTransaction } from "../../packages/domain/src/index.ts";
import { DrizzleWalletLedger, type Database } from "../../packages/infrastructure/src/index.ts";
import { fundWallet, insertUsers, testDatabases } from "../../packages/infrastructure/src/testing/index.ts";
import { median, medianRatio } from "../load.ts";
import { verdict } from "./viewer.suite.ts";

const WORKERS = 50;
const WALLETS = 1000;
const BARE_DEBIT = "update wallets set balance = balance - $1 where user_id = $2 and balance >= $1";

type Debit = (userId: string) => Promise<boolean>;

async function throughput(debit: Debit, pick: (worker: number, n: number) => string, seconds: number) {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      for (let n = 0; performance.now() < until; n++) {
        if (!(await debit(pick(worker, n)))) throw new Error("a benchmark debit was refused");
        done++;
      }
    }),
  );
  return done / seconds;
}

function bareDebit(database: Database): Debit {
  if (database.kind === "pglite") {
    return async (userId) => (await database.client.query(BARE_DEBIT, [1, userId])).affectedRows === 1;
  }
  return async (userId) => (await database.client.unsafe(BARE_DEBIT, [1, userId])).count === 1;
}

function ledgerDebit(ledger: DrizzleWalletLedger): Debit {
  return async (userId) => {
    const built = walletDebitTransaction({
      id: randomUUID(),
      userId,
      amount: Rial.of(1n),
      reference: `bench:${randomUUID()}`,
      reason: "Benchmark",
      at: new Date(),
    });
    if (!built.ok) throw new Error(built.error.message);
    return (await ledger.debit(built.value)).status === "POSTED";
  };
}

async function prepare(database: Database) {
  const owners = await insertUsers(database, WALLETS);
  const ledger = DrizzleWalletLedger.on(database);
  for (const u of owners) await fundWallet(ledger, u.id, 10n ** 15n);
  return { ledger, ids: owners.map((u) => u.id) };
}

export async function debitSuite(options: { seconds: number; rounds: number }) {
  const verdicts = [];
  for (const target of testDatabases().filter((t) => t.skipReason === null)) {
    // The baseline moves balances with no ledger entries, on purpose: no ledger check at close.
    const database = await target.open({ checkLedger: false });
    try {
      const { ledger, ids } = await prepare(database);
      const hot = ids[0]!;
      const scenarios = {
        "one wallet": () => hot,
        [`${WALLETS} wallets`]: (worker: number, n: number) => ids[(worker * 7919 + n * WORKERS) % WALLETS]!,
      };
      const rows = [];
      for (const [scenario, pick] of Object.entries(scenarios)) {
        const contenders = { ledger: ledgerDebit(ledger), bare: bareDebit(database) };
        const runs = { ledger: [] as number[], bare: [] as number[] };
        for (const debit of Object.values(contenders)) await throughput(debit, pick, 1);
        for (let round = 0; round < options.rounds; round++) {
          runs.ledger.push(await throughput(contenders.ledger, pick, options.seconds));
          runs.bare.push(await throughput(contenders.bare, pick, options.seconds));
        }
        const ledgerRate = median(runs.ledger);
        const bareRate = median(runs.bare);
        const ratio = medianRatio(runs.ledger, runs.bare);
        rows.push({
          database: target.name,
          scenario,
          "ledger debits/s": Math.round(ledgerRate),
          "bare UPDATE/s": Math.round(bareRate),
          "ratio (median of rounds)": ratio.toFixed(2),
        });
        verdicts.push(verdict(`debit on ${target.name}, ${scenario} vs bare UPDATE`, ratio, 0.5));
      }
      console.log(
        `\nwallet debit, ${WORKERS} concurrent workers, ${options.rounds} interleaved rounds of ${options.seconds} s`,
      );
      console.table(rows);
    } finally {
      await database.close();
    }
  }
  return verdicts;
}
