/**
 * The real gateway, as `pnpm start` runs it, in production mode. BENCH_DATABASE=pglite (default):
 * the embedded PGlite on disk in a fresh temporary data dir; BENCH_DATABASE=postgres: a scratch
 * database on the server at DATABASE_URL, dropped on exit. Throttle limits are raised so that a
 * benchmark signing in thousands of times measures sign-in, not the lockout. The sandbox's payment
 * simulators are started here and handed to the app, as createApp would start them itself, so that
 * their address can be announced (`SET` lines) for the top-up suite's baseline. BENCH_TRACING=memory:
 * tracing on, as with OTEL_EXPORTER_OTLP_ENDPOINT, but spans kept in memory (and dropped each second).
 */
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../packages/infrastructure/src/index.ts";
import { startInMemoryTracing, testDatabases } from "../../packages/infrastructure/src/testing/index.ts";
import { createApp } from "../../packages/gateway/src/composition/create-app.ts";
import { startPaymentSimulators } from "../../packages/simulators/src/index.ts";

const { DATABASE_URL: _serverUrl, ...environment } = process.env;
const config = loadConfig({
  ...environment,
  NODE_ENV: "production",
  PORT: "0",
  DATA_DIR: mkdtempSync(join(tmpdir(), "peykarband-bench-")),
  JWT_SIGNING_KEYS: `bench:${randomBytes(32).toString("base64url")}`,
  SECRET_BOX_KEY: randomBytes(32).toString("base64"),
});
// Before the database opens: its statements are traced only when tracing was on at open.
const tracing = process.env["BENCH_TRACING"] === "memory" ? await startInMemoryTracing() : undefined;
if (tracing) setInterval(() => tracing.reset(), 1000).unref();
const postgres = process.env["BENCH_DATABASE"] === "postgres";
const database = postgres
  ? await testDatabases()
      .find((t) => t.name === "postgresql")!
      .open()
  : undefined;
const simulators = await startPaymentSimulators();
const app = await createApp(config, {
  ...(database ? { database } : {}),
  accountPolicy: { maxAttemptsPerAccount: 1e9, maxAttemptsPerIp: 1e9 },
  paymentSimulators: simulators,
});
process.stdout.write(`SET zarinpalUrl ${simulators.zarinpal.url}\n`);
process.stdout.write(`SET zarinpalMerchantId ${simulators.zarinpal.merchantId}\n`);
process.stdout.write(`LISTENING ${app.url}\n`);
process.on("SIGTERM", () => {
  void app
    .close()
    .then(() => simulators.close())
    .then(() => database?.close())
    .then(() => process.exit(0));
});
