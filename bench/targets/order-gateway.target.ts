/**
 * The gateway and the worker in one process, as `ROLE=all pnpm start` runs them (one job queue in
 * the worker role, one status bus, the three cloud simulators shared), in production mode on
 * PGlite on disk or a scratch PostgreSQL (BENCH_DATABASE). The simulators' actions take
 * BENCH_ACTION_MS (default 1000, their own default). Announces an ADMIN's `SET adminEmail` and
 * `SET adminPassword`, the simulators' `SET actionMs`, and `SET controlUrl`: GET `cloud-servers` there answers the simulators' servers(),
 * GET `round-trip` the median of 20 sequential calls to DigitalOcean's simulator (ms).
 */
import "reflect-metadata";
import { openBenchDeployment } from "./bench-deployment.ts";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdmin } from "../../packages/gateway/src/cli/create-admin.command.ts";
import { createApp } from "../../packages/gateway/src/composition/create-app.ts";
import { openServerStatusBus } from "../../packages/gateway/src/composition/compose-servers.ts";
import { composeWorker } from "../../packages/gateway/src/composition/compose-worker.ts";
import { createLogger, openJobQueue } from "../../packages/infrastructure/src/index.ts";
import { startCloudSimulators, startPaymentSimulators } from "../../packages/simulators/src/index.ts";
import { median } from "../load.ts";

const ADMIN_EMAIL = "order-bench-admin@example.com";
const ADMIN_PASSWORD = "benchmark-admin-password";

const { config, database } = await openBenchDeployment();
const actionMs = Number(process.env["BENCH_ACTION_MS"] ?? 1000);
const cloudSimulators = await startCloudSimulators({ faults: { actionMs } });
const paymentSimulators = await startPaymentSimulators();
const logger = createLogger(config);
const statusBus = await openServerStatusBus(config, logger);
const jobQueue = await openJobQueue(database, {
  role: "worker",
  onError: (error) => process.stderr.write(`job queue: ${error.message}\n`),
});
const shared = { cloudSimulators, paymentSimulators, statusBus, jobQueue };
const app = await createApp(config, { database, ...shared });
const worker = await composeWorker({
  config,
  database,
  logger,
  queue: jobQueue,
  statusBus,
  overrides: shared,
});
const admin = await createAdmin(config, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, database);
if (!admin.ok) throw new Error(admin.message);

async function roundTripMs(): Promise<number> {
  const { url, token } = cloudSimulators.digitalocean;
  const times: number[] = [];
  for (let n = 0; n < 20; n++) {
    const started = performance.now();
    const response = await fetch(`${url}/v2/droplets?per_page=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await response.text();
    if (response.status !== 200) throw new Error(`simulator answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return median(times);
}

const control = createServer((req, res) => {
  const answer = req.url === "/cloud-servers" ? Promise.resolve(cloudSimulators.servers()) : roundTripMs();
  void answer.then(
    (value) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    },
    (error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    },
  );
});
await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
process.stdout.write(`SET controlUrl http://127.0.0.1:${(control.address() as AddressInfo).port}\n`);
process.stdout.write(`SET actionMs ${actionMs}\n`);
process.stdout.write(`SET adminEmail ${ADMIN_EMAIL}\nSET adminPassword ${ADMIN_PASSWORD}\n`);
process.stdout.write(`LISTENING ${app.url}\n`);
process.on("SIGTERM", () => {
  control.close();
  void Promise.all([worker.stop(), app.close()])
    .then(() => statusBus.close())
    .then(() => Promise.all([cloudSimulators.close(), paymentSimulators.close()]))
    .then(() => database.close())
    .then(() => process.exit(0));
});
