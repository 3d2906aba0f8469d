/**
 * One life of the server in the crash test (payment-crash.e2e.test.ts): the wallet as the app
 * composes it (composeWallet over the test's database, the real gateway adapters pointed at the
 * test's simulators) behind the real callback routes, which SIGKILLs itself while handling a paid
 * payment's callback, between the gateway's verify and our commit. GraphQL is left out: it plays
 * no part in a callback, and Apollo with the schema would triple the start-up time of 20 lives.
 *
 * Run as `node --import tsx payment-crash.child.ts`. Environment:
 * - CRASH_AT: `after-verify` (verify answered PAID; nothing of ours written yet),
 *   `before-commit` (the settle transaction did all its work; COMMIT not sent) or `after-commit`
 *   (COMMIT acknowledged; the browser not answered yet);
 * - CRASH_DATABASE: a `postgres://` URL, or `pglite:<data dir>`;
 * - the app's own variables: ZARINPAL_BASE_URL, ZARINPAL_MERCHANT_ID, IDPAY_BASE_URL,
 *   IDPAY_API_KEY, DATA_DIR, HOST, PORT, LOG_LEVEL.
 *
 * Prints `READY <origin>` once it listens and `KILL <point> <detail>` just before it dies, with
 * synchronous writes so that the line is out before the signal.
 */
import type { PaymentGateway } from "@peykarband/application";
import {
  createLogger,
  IdpayPaymentGateway,
  loadConfig,
  openPgliteDatabase,
  openPostgresDatabase,
  ZarinpalPaymentGateway,
  type Database,
  type Db,
} from "@peykarband/infrastructure";
import { noJobsExpected } from "@peykarband/infrastructure/testing";
import express from "express";
import { writeSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { composeAccountAdapters } from "../../src/composition/compose-accounts.ts";
import { composeWallet } from "../../src/composition/compose-wallet.ts";
import { requestIdFrom } from "../../src/context/request-id.ts";
import { PAYMENT_ROUTES_PREFIX, paymentRoutes } from "../../src/payments/payment-callback.routes.ts";

const CRASH_POINTS = ["after-verify", "before-commit", "after-commit"] as const;
type CrashPoint = (typeof CRASH_POINTS)[number];

const say = (line: string): void => {
  writeSync(1, `${line}\n`);
};

function die(detail: string): never {
  say(`KILL ${crashAt} ${detail}`);
  process.kill(process.pid, "SIGKILL");
  throw new Error("SIGKILL did not end the process");
}

const crashAt = process.env["CRASH_AT"] as CrashPoint;
if (!CRASH_POINTS.includes(crashAt)) throw new Error(`CRASH_AT must be one of ${CRASH_POINTS.join(", ")}`);
const target = process.env["CRASH_DATABASE"] ?? "";

// Armed once the server listens: nothing done while starting may trip it.
let armed = false;

if (crashAt === "after-verify") {
  // On the adapters' prototypes, so the wallet is composed exactly as the app composes it.
  for (const adapter of [ZarinpalPaymentGateway, IdpayPaymentGateway]) {
    const verify = adapter.prototype.verify as PaymentGateway["verify"];
    adapter.prototype.verify = async function (this: PaymentGateway, request) {
      const answer = await verify.call(this, request);
      if (armed && answer.ok && answer.value.status === "PAID") {
        die(`verify=PAID ref=${answer.value.referenceId}`);
      }
      return answer;
    };
  }
}

/** The process dies inside every transaction once its work is done, or right after its COMMIT. */
function dyingAround(db: Db, point: "before-commit" | "after-commit"): Db {
  const transaction: Db["transaction"] = async (work, config) => {
    const result = await db.transaction(async (tx) => {
      const done = await work(tx);
      if (armed && point === "before-commit") die(`settled=${settledStatus(done)}`);
      return done;
    }, config);
    if (armed && point === "after-commit") die(`settled=${settledStatus(result)}`);
    return result;
  };
  return Object.assign(Object.create(db) as Db, { transaction });
}

function settledStatus(result: unknown): string {
  const outcome = result as { settled?: unknown; payment?: { status?: unknown } } | null;
  return outcome?.settled === true ? String(outcome.payment?.status) : "nothing";
}

async function openTarget(): Promise<Database> {
  if (target.startsWith("pglite:")) return openPgliteDatabase(target.slice("pglite:".length));
  if (target.startsWith("postgres")) return openPostgresDatabase(target, { maxConnections: 4 });
  throw new Error("CRASH_DATABASE must be a postgres:// URL or pglite:<dir>");
}

const config = loadConfig(process.env);
const opened = await openTarget();
const database: Database =
  crashAt === "after-verify" ? opened : { ...opened, db: dyingAround(opened.db, crashAt) };
// No webhook endpoint exists in these lives: the credit writes no job.
const wallet = await composeWallet(
  config,
  database,
  composeAccountAdapters(database, config),
  noJobsExpected,
);

const app = express();
app.use((req, res, next) => {
  res.locals["requestId"] = requestIdFrom(req.headers["x-request-id"]);
  next();
});
app.use(
  PAYMENT_ROUTES_PREFIX,
  paymentRoutes({
    handlePaymentCallback: wallet.useCases.handlePaymentCallback,
    resultUrl: wallet.resultUrl,
    logger: createLogger(config),
  }),
);
const server = app.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  const origin = `http://${config.host}:${port}`;
  armed = true;
  say(`READY ${origin}`);
});
