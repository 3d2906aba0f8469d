import type { ReconciliationReport, RequestContext } from "@peykarband/application";
import { topUpReference, type Payment, type PaymentGatewayName } from "@peykarband/domain";
import {
  DrizzlePaymentRepository,
  loadConfig,
  openPgliteDatabase,
  openPostgresDatabase,
  tables,
  type Database,
} from "@peykarband/infrastructure";
import {
  expectLedgerBalanced,
  insertUser,
  noJobsExpected,
  testDatabases,
} from "@peykarband/infrastructure/testing";
import {
  startIdpaySimulator,
  startZarinpalSimulator,
  type IdpaySimulator,
  type ZarinpalSimulator,
} from "@peykarband/simulators";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { composeAccountAdapters } from "../src/composition/compose-accounts.ts";
import { composeWallet } from "../src/composition/compose-wallet.ts";
import { decideOnGatewayPage, type CallbackRequest } from "./support/wallet-app.ts";

/**
 * The process killed between the gateway's verify and our commit, 20 times: after restart and
 * reconciliation every paid payment is credited exactly once. Each kill is a real SIGKILL of
 * a real server process (crash/payment-crash.child.ts) while it handles a paid payment's callback;
 * the simulators and the database live in or beside the test process and outlive it, as the
 * gateways and PostgreSQL outlive our pod.
 */

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CHILD = fileURLToPath(new URL("./crash/payment-crash.child.ts", import.meta.url));
/** Our public address as the gateways know it; each life of the server stands behind it in turn. */
const PUBLIC_URL = "https://peykarband.test";
const LIFE_DEADLINE_MS = 30_000;

type CrashPoint = "after-verify" | "before-commit" | "after-commit";

/**
 * Lives killed just after our commit, on top of the ones killed between verify and commit: what
 * they committed must survive the kill (on PGlite, a durability check of the directory) and be
 * left alone by reconciliation.
 */
const AFTER_COMMIT_LIVES = 2;

interface CrashTarget {
  readonly name: string;
  readonly skipReason: string | null;
  /** Lives killed between the gateway's verify and our commit. */
  readonly kills: number;
  /** Lives at once: PostgreSQL takes many clients, a PGlite directory one process at a time. */
  readonly livesAtOnce: number;
  prepare(): Promise<Store>;
}

interface Store {
  /** CRASH_DATABASE for the lives. */
  readonly childTarget: string;
  /** The test process must let go of the database while a life has it (PGlite). */
  readonly exclusive: boolean;
  /** A connection of the test process's own, to close after use. */
  open(): Promise<Database>;
  discard(): Promise<void>;
}

const postgres = testDatabases().find((t) => t.name.startsWith("postgresql"))!;

const targets: CrashTarget[] = [
  {
    name: postgres.name,
    skipReason: postgres.skipReason,
    kills: 20,
    livesAtOnce: 3,
    async prepare() {
      const scratch = await postgres.open();
      if (scratch.kind !== "postgres") throw new Error("expected a PostgreSQL scratch database");
      // `testDatabases()` does not say which database it created; the server does.
      const [row] = await scratch.client<{ name: string }[]>`select current_database() as name`;
      const url = new URL(process.env["DATABASE_URL"]!);
      url.pathname = `/${row!.name}`;
      const childTarget = url.toString();
      return {
        childTarget,
        exclusive: false,
        open: () => openPostgresDatabase(childTarget, { maxConnections: 4 }),
        discard: () => scratch.close(),
      };
    },
  },
  {
    // Every life opens the directory the previous one left behind when it was killed. Lives cannot
    // overlap here (one process per directory) and each costs about 2 s of start-up.
    name: "pglite data dir on disk",
    skipReason: null,
    kills: 20,
    livesAtOnce: 1,
    async prepare() {
      const dir = mkdtempSync(join(tmpdir(), "pk-crash-pglite-"));
      return {
        childTarget: `pglite:${dir}`,
        exclusive: true,
        open: async () => {
          const database = await openPgliteDatabase(dir);
          await database.migrate();
          return database;
        },
        discard: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];

interface Planned {
  readonly userId: string;
  readonly payment: Payment;
  readonly callback: CallbackRequest;
  readonly crashAt: CrashPoint;
}

interface Life {
  /** How the server process ended: a signal's name, or `exit <code>`. */
  readonly end: string;
  /** What the payer's browser got for its callback. */
  readonly browser: string;
  /** The KILL line the life printed just before the signal. */
  readonly killLine: string | null;
  readonly stderr: string;
}

const SYSTEM: RequestContext = { requestId: "payment-crash-test", ip: null, userAgent: null, viewer: null };

const asUser = (userId: string): RequestContext => ({
  requestId: randomUUID(),
  ip: null,
  userAgent: null,
  viewer: { userId, role: "CUSTOMER", sessionId: randomUUID() },
});

// Concurrent: the PGlite lives run one after another, and the PostgreSQL ones fit beside them.
describe.concurrent("the server killed between the gateway's verify and our commit", () => {
  for (const target of targets) {
    it.skipIf(target.skipReason !== null)(
      `credits each of ${target.kills} paid payments exactly once after SIGKILL, restart and two concurrent reconciliations, on ${target.name}`,
      // Twenty process starts and kills: 100–160 s on a loaded two-core machine.
      { timeout: 360_000 },
      () => crashAndRecover(target),
    );
  }
});

async function crashAndRecover(target: CrashTarget): Promise<void> {
  const [zarinpal, idpay] = await Promise.all([startZarinpalSimulator(), startIdpaySimulator()]);
  const dataDir = mkdtempSync(join(tmpdir(), "pk-crash-"));
  const env: Record<string, string> = {
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
    LOG_LEVEL: "error",
    PUBLIC_URL,
    ZARINPAL_BASE_URL: zarinpal.url,
    ZARINPAL_MERCHANT_ID: zarinpal.merchantId,
    IDPAY_BASE_URL: idpay.url,
    IDPAY_API_KEY: idpay.apiKey,
  };
  // Also writes the sandbox secrets into DATA_DIR before the lives read them at once.
  const config = loadConfig(env);
  const store = await target.prepare();
  const toClose: { close(): Promise<void> }[] = [];

  async function connect(database?: Database) {
    if (!database) toClose.push((database = await store.open()));
    // No webhook endpoint exists here: the credits write no job.
    const accounts = composeAccountAdapters(database, config);
    const wallet = await composeWallet(config, database, accounts, noJobsExpected);
    toClose.push(wallet);
    return { database, wallet: wallet.useCases };
  }
  const gatewayBooks = { zarinpal, idpay };

  try {
    let { database, wallet } = await connect();
    const planned: Planned[] = [];
    for (let i = 0; i < target.kills + AFTER_COMMIT_LIVES; i++) {
      const gateway: PaymentGatewayName = i % 2 === 0 ? "ZARINPAL" : "IDPAY";
      const crashAt: CrashPoint =
        i >= target.kills ? "after-commit" : Math.floor(i / 2) % 2 === 0 ? "after-verify" : "before-commit";
      const user = await insertUser(database);
      // Amounts apart, so a credit landing on the wrong wallet or twice shows in the balances.
      const amount = String(1_000_000 + i * 10_000);
      const topUp = await wallet.startTopUp(
        { amount, gateway, idempotencyKey: randomUUID() },
        asUser(user.id),
      );
      if (!topUp.ok) throw new Error(`startTopUp: ${topUp.error.code}`);
      const callback = await decideOnGatewayPage(topUp.value.redirectUrl, "pay");
      expect(new URL(callback.url).origin).toBe(PUBLIC_URL);
      expect(atGateway(gatewayBooks, topUp.value.payment).state).toBe("PAID");
      planned.push({ userId: user.id, payment: topUp.value.payment, callback, crashAt });
    }
    if (store.exclusive) await database.close();

    const lives = await inPool(planned, target.livesAtOnce, (plan) =>
      liveAndDie(plan, { ...env, CRASH_AT: plan.crashAt, CRASH_DATABASE: store.childTarget }),
    );
    lives.forEach((life, i) => {
      const plan = planned[i]!;
      const why = `life ${i} (${plan.payment.gateway}, ${plan.crashAt}); its stderr:\n${life.stderr}`;
      expect(life.end, why).toBe("SIGKILL");
      expect(life.browser, why).toBe("no answer");
      const detail =
        plan.crashAt === "after-verify"
          ? `verify=PAID ref=${atGateway(gatewayBooks, plan.payment).referenceId}`
          : "settled=PAID";
      expect(life.killLine, why).toBe(`KILL ${plan.crashAt} ${detail}`);
    });

    // Restarted: the gateways verified every payment; a death before our commit left no trace in
    // our books, one after it left the whole credit.
    if (store.exclusive) ({ database, wallet } = await connect());
    const payments = new DrizzlePaymentRepository(database.db, noJobsExpected);
    for (const plan of planned) {
      expect(atGateway(gatewayBooks, plan.payment).state).toBe("VERIFIED");
      const committed = plan.crashAt === "after-commit";
      expect((await payments.findById(plan.payment.id))?.status).toBe(committed ? "PAID" : "PENDING");
    }
    const committedCredits = await database.db.select().from(tables.ledgerTransactions);
    expect(committedCredits).toHaveLength(AFTER_COMMIT_LIVES);

    // Two workers at once; a PGlite directory has one process, so there they share its connection.
    const other = await connect(store.exclusive ? database : undefined);
    const reports = await Promise.all(
      [wallet, other.wallet].map((w) =>
        w.reconcilePendingPayments({ olderThanSeconds: 0, limit: 1000 }, SYSTEM),
      ),
    );
    const why = JSON.stringify(reports);
    const total = (key: keyof ReconciliationReport) => reports.reduce((sum, r) => sum + r[key], 0);
    expect(total("credited"), why).toBe(target.kills);
    expect(total("failed") + total("stillPending"), why).toBe(0);
    for (const report of reports) expect(report.credited + report.alreadySettled, why).toBe(report.examined);

    const transactions = await database.db.select().from(tables.ledgerTransactions);
    const entries = await database.db.select().from(tables.ledgerEntries);
    const balances = new Map(
      (await database.db.select().from(tables.wallets)).map((w) => [w.userId, w.balance]),
    );
    expect(transactions).toHaveLength(planned.length);
    for (const { payment, userId } of planned) {
      expect(await payments.findById(payment.id)).toMatchObject({
        status: "PAID",
        referenceId: atGateway(gatewayBooks, payment).referenceId,
      });
      const credits = transactions.filter((t) => t.reference === topUpReference(payment.id));
      expect(credits.map((t) => t.kind)).toEqual(["TOP_UP"]);
      const own = entries.filter((e) => e.userId === userId);
      expect(own.map((e) => [e.transactionId, e.amount])).toEqual([[credits[0]!.id, payment.amount.amount]]);
      expect(balances.get(userId)).toBe(payment.amount.amount);
    }
    await expectLedgerBalanced(database.db);
    expect(await wallet.reconcilePendingPayments({ olderThanSeconds: 0, limit: 1000 }, SYSTEM)).toMatchObject(
      {
        examined: 0,
      },
    );
  } finally {
    for (const item of toClose.reverse()) await item.close().catch(() => undefined);
    await store.discard();
    await Promise.all([zarinpal.close(), idpay.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What the gateway's own books say about a payment. */
function atGateway(
  books: { zarinpal: ZarinpalSimulator; idpay: IdpaySimulator },
  payment: Payment,
): { state: string; referenceId: string } {
  if (payment.gateway === "ZARINPAL") {
    const p = books.zarinpal.payments.get(payment.authority!)!;
    return { state: p.status, referenceId: String(p.refId) };
  }
  const p = books.idpay.payments.get(payment.authority!)!;
  const state = p.status === 10 ? "PAID" : p.status === 100 ? "VERIFIED" : String(p.status);
  return { state, referenceId: String(p.trackId) };
}

/** Runs `work` over `items`, at most `size` at once; the answers keep the order of `items`. */
async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

/**
 * One life of the server: start it, play the payer's browser coming back to it with the callback,
 * wait for it to die. The deadline ends it with SIGTERM, so a hung life never passes for a kill.
 */
async function liveAndDie(plan: Planned, env: Record<string, string>): Promise<Life> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
    cwd: ROOT,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const deadline = setTimeout(() => child.kill("SIGTERM"), LIFE_DEADLINE_MS);
  const ended = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? `exit ${code}`)),
  );
  const origin = await new Promise<string | null>((resolve) => {
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const ready = /^READY (\S+)$/m.exec(stdout)?.[1];
      if (ready) resolve(ready);
    });
    void ended.then(() => resolve(null));
  });

  let browser = "not sent: the server never listened";
  if (origin !== null) {
    const returnTo = new URL(plan.callback.url);
    const form = plan.callback.form;
    browser = await fetch(new URL(`${returnTo.pathname}${returnTo.search}`, origin), {
      method: plan.callback.method,
      redirect: "manual",
      ...(form
        ? {
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams(form).toString(),
          }
        : {}),
    }).then(
      (response) => `answered ${response.status} ${response.headers.get("location")}`,
      () => "no answer",
    );
  }
  const end = await ended;
  clearTimeout(deadline);
  return { end, browser, killLine: /^KILL .*$/m.exec(stdout)?.[0] ?? null, stderr };
}
