/**
 * The real gateway as gateway.target.ts runs it (production mode, PGlite on disk or a scratch
 * PostgreSQL per BENCH_DATABASE), its database's client counted by countStatements (infrastructure testing),
 * with one signed-up user owning SERVERS servers spread over plans, regions and images. Announces
 * `SET token` (that user's access token) and `SET statementsUrl`: GET there answers
 * `{ "count": n }`, the statements sent since the previous GET.
 */
import "reflect-metadata";
import { openBenchDeployment } from "./bench-deployment.ts";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../packages/gateway/src/composition/create-app.ts";
import {
  DrizzleServerRepository,
  DrizzleWalletLedger,
  openJobQueue,
} from "../../packages/infrastructure/src/index.ts";
import {
  aServer,
  anOrder,
  countStatements,
  fundWallet,
  TEST_VAT_RATE,
} from "../../packages/infrastructure/src/testing/index.ts";
import { registerBenchUser } from "../suites/session.ts";

const SERVERS = 100;
const PLACEMENTS = [
  { provider: "DIGITALOCEAN", planId: "do-s-1vcpu-1gb", regionId: "do-fra1" },
  { provider: "DIGITALOCEAN", planId: "do-s-1vcpu-2gb", regionId: "do-ams3" },
  { provider: "HETZNER", planId: "hz-cx22", regionId: "hz-fsn1" },
  { provider: "HETZNER", planId: "hz-cx32", regionId: "hz-hel1" },
] as const;
const IMAGES = ["ubuntu-24.04", "debian-12"] as const;

const { config, database } = await openBenchDeployment();
const statements = countStatements(database);
const app = await createApp(config, { database });

const token = await registerBenchUser(app.url, `fleet-${randomUUID()}@example.com`, "benchmark password");
const viewer = (await (
  await fetch(app.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "{ viewer { id } }" }),
  })
).json()) as { data: { viewer: { id: string } } };
const userId = Buffer.from(viewer.data.viewer.id, "base64url").toString().split(":")[1]!;
const queue = await openJobQueue(database, {
  role: "producer",
  onError: (error) => process.stderr.write(`job queue: ${error.message}\n`),
});
await fundWallet(new DrizzleWalletLedger(database.db), userId, 10n ** 12n);
const repository = new DrizzleServerRepository(database.db, queue, TEST_VAT_RATE);
for (let n = 0; n < SERVERS; n++) {
  const server = aServer(userId, {
    ...PLACEMENTS[n % PLACEMENTS.length]!,
    imageId: IMAGES[n % IMAGES.length]!,
    name: `web-${n}`,
  });
  const outcome = await repository.placeOrder(anOrder(server, { quotaLimit: SERVERS }));
  if (outcome.status !== "PLACED") throw new Error(`bench order ${outcome.status}`);
}
await queue.stop({ timeoutMs: 1000 });

const control = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ count: statements.take().length }));
});
await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
const { port } = control.address() as AddressInfo;
process.stdout.write(`SET token ${token}\n`);
process.stdout.write(`SET statementsUrl http://127.0.0.1:${port}/\n`);
process.stdout.write(`LISTENING ${app.url}\n`);
process.on("SIGTERM", () => {
  control.close();
  void app
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
});
