/**
 * 100 servers ordered at once: USERS signed-up, funded customers send ORDERS_PER_USER `orderServer`
 * mutations each, all 100 concurrently, through the gateway, over the three simulated clouds (a
 * third each); the worker runs in the gateway's process (order-gateway.target.ts, like
 * `ROLE=all`). The clock runs from the first mutation sent until an ADMIN's `servers` list (read
 * every POLL_MS) shows all 100 ACTIVE. Then the simulators must hold exactly one server per order,
 * each carrying our id, and nothing else.
 *
 * The simulator's own minimum: a provisioning needs, one after the other, a lookup (is there one
 * with our id already?) and the create; the create's action then takes `actionMs`, all 100 at once
 * (the simulators run actions side by side, with no limit); once it is done the earliest possible
 * observation is one poll of the action and one read of the server (OVH, which has no actions,
 * needs only the read). So the minimum is actionMs + 4 round trips, the round trip measured
 * against the simulator from the worker's process in the same run, before the orders. What the
 * ratio adds on top is ours: the GraphQL orders, the job queue's pick-up delay and concurrency
 * (SERVER_JOB_CONCURRENCY jobs per process), the polling backoff, and the status writes.
 */
import { randomUUID } from "node:crypto";
import { generate } from "otplib";
import { setTimeout as sleep } from "node:timers/promises";
import { startTarget, type Target } from "../load.ts";
import { registerBenchUser } from "./session.ts";
import type { verdict } from "./viewer.suite.ts";

const USERS = 10;
/** The default per-account quota is 10 live servers. */
const ORDERS_PER_USER = 10;
const POLL_MS = 100;
const CRITICAL_ROUND_TRIPS = 4;
const PLACEMENTS = [
  { planId: "do-s-1vcpu-1gb", regionId: "do-fra1" },
  { planId: "hz-cx22", regionId: "hz-fsn1" },
  { planId: "ovh-d2-2", regionId: "ovh-gra11" },
] as const;

async function graphql<T>(url: string, token: string | null, query: string, variables?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body)}`);
  return body.data;
}

async function control<T>(target: Target, path: string): Promise<T> {
  return (await (await fetch(`${target.values["controlUrl"]}/${path}`)).json()) as T;
}

/** adjustWallet needs a fresh second factor: turn on 2FA, then confirm with the next step's code. */
async function stepUp(url: string, token: string, password: string): Promise<void> {
  const { startTwoFactorSetup } = await graphql<{ startTwoFactorSetup: { secret: string } }>(
    url,
    token,
    `
      mutation ($input: StartTwoFactorSetupInput!) {
        startTwoFactorSetup(input: $input) {
          secret
        }
      }
    `,
    { input: { password } },
  );
  const { secret } = startTwoFactorSetup;
  await graphql(
    url,
    token,
    `
      mutation ($input: ConfirmTwoFactorSetupInput!) {
        confirmTwoFactorSetup(input: $input) {
          userErrors {
            code
          }
        }
      }
    `,
    { input: { code: await generate({ secret }) } },
  );
  const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
  const { confirmSecondFactor } = await graphql<{ confirmSecondFactor: { userErrors: unknown[] } }>(
    url,
    token,
    `
      mutation ($input: ConfirmSecondFactorInput!) {
        confirmSecondFactor(input: $input) {
          userErrors {
            code
          }
        }
      }
    `,
    { input: { code } },
  );
  if (confirmSecondFactor.userErrors.length)
    throw new Error(`step-up: ${JSON.stringify(confirmSecondFactor)}`);
}

async function customers(target: Target): Promise<string[]> {
  const { logIn } = await graphql<{ logIn: { session: { accessToken: string } } }>(
    target.url,
    null,
    `
      mutation ($input: LogInInput!) {
        logIn(input: $input) {
          session {
            accessToken
          }
        }
      }
    `,
    { input: { email: target.values["adminEmail"], password: target.values["adminPassword"] } },
  );
  const admin = logIn.session.accessToken;
  await stepUp(target.url, admin, target.values["adminPassword"]!);
  const tokens = [];
  for (let user = 0; user < USERS; user++) {
    const token = await registerBenchUser(
      target.url,
      `orders-${randomUUID()}@example.com`,
      "benchmark password",
    );
    const { viewer } = await graphql<{ viewer: { id: string } }>(target.url, token, "{ viewer { id } }");
    const { adjustWallet } = await graphql<{ adjustWallet: { userErrors: unknown[] } }>(
      target.url,
      admin,
      `
        mutation ($input: AdjustWalletInput!) {
          adjustWallet(input: $input) {
            userErrors {
              code
            }
          }
        }
      `,
      {
        input: {
          userId: viewer.id,
          amount: "500000000",
          reason: "Benchmark",
          idempotencyKey: randomUUID(),
        },
      },
    );
    if (adjustWallet.userErrors.length) throw new Error(`adjustWallet: ${JSON.stringify(adjustWallet)}`);
    tokens.push(token);
  }
  return [admin, ...tokens];
}

async function order(target: Target, token: string, n: number): Promise<string> {
  const { orderServer } = await graphql<{
    orderServer: { server: { id: string } | null; userErrors: unknown[] };
  }>(
    target.url,
    token,
    `
      mutation ($input: OrderServerInput!) {
        orderServer(input: $input) {
          server {
            id
          }
          userErrors {
            code
          }
        }
      }
    `,
    {
      input: {
        name: `bench-${n}`,
        ...PLACEMENTS[n % PLACEMENTS.length]!,
        imageId: "ubuntu-24.04",
        idempotencyKey: randomUUID(),
      },
    },
  );
  if (!orderServer.server) throw new Error(`orderServer: ${JSON.stringify(orderServer.userErrors)}`);
  return orderServer.server.id;
}

/** Our server ids (keys, not global ids) by status, as the ADMIN sees them. */
async function statuses(target: Target, admin: string): Promise<Map<string, string>> {
  const { servers } = await graphql<{ servers: { edges: { node: { id: string; status: string } }[] } }>(
    target.url,
    admin,
    "{ servers(first: 100) { edges { node { id status } } } }",
  );
  return new Map(servers.edges.map(({ node }) => [node.id, node.status]));
}

export async function orderSuite(): Promise<ReturnType<typeof verdict>[]> {
  const databases = [
    { name: "PGlite", env: { BENCH_DATABASE: "pglite" } },
    ...(process.env["DATABASE_URL"] ? [{ name: "PostgreSQL", env: { BENCH_DATABASE: "postgres" } }] : []),
  ];
  const rows = [];
  const verdicts = [];
  for (const database of databases) {
    const target = await startTarget(
      `gateway + worker on ${database.name}`,
      "bench/targets/order-gateway.target.ts",
      database.env,
    );
    try {
      const [admin, ...tokens] = await customers(target);
      const actionMs = Number(target.values["actionMs"]);
      const roundTripMs = await control<number>(target, "round-trip");
      const minimumMs = actionMs + CRITICAL_ROUND_TRIPS * roundTripMs;

      const started = performance.now();
      const ordered = await Promise.all(
        Array.from({ length: USERS * ORDERS_PER_USER }, (_, n) => order(target, tokens[n % USERS]!, n)),
      );
      const orderedMs = performance.now() - started;
      let seen = await statuses(target, admin!);
      while (ordered.some((id) => seen.get(id) !== "ACTIVE")) {
        const failed = ordered.filter((id) => seen.get(id) === "FAILED");
        if (failed.length) throw new Error(`${failed.length} servers FAILED`);
        await sleep(POLL_MS);
        seen = await statuses(target, admin!);
      }
      const totalMs = performance.now() - started;

      const keys = new Set(ordered.map((id) => Buffer.from(id, "base64url").toString().split(":")[1]!));
      const held = await control<{ cloud: string; serverId: string | null }[]>(target, "cloud-servers");
      const perServer = new Map<string | null, number>();
      for (const s of held) perServer.set(s.serverId, (perServer.get(s.serverId) ?? 0) + 1);
      const duplicated = [...perServer].filter(([, count]) => count > 1);
      const strangers = held.filter((s) => s.serverId === null || !keys.has(s.serverId));
      if (
        keys.size !== ordered.length ||
        held.length !== ordered.length ||
        duplicated.length ||
        strangers.length
      ) {
        throw new Error(
          `clouds hold ${held.length} servers for ${keys.size} orders: ${duplicated.length} duplicated, ${strangers.length} not ours`,
        );
      }
      rows.push({
        target: target.name,
        "orders answered (ms)": Math.round(orderedMs),
        "all ACTIVE (ms)": Math.round(totalMs),
        "simulator minimum (ms)": Math.round(minimumMs),
        "round trip (ms)": roundTripMs.toFixed(1),
        "x minimum": (totalMs / minimumMs).toFixed(2),
        "servers at the clouds": held.length,
      });
      verdicts.push({
        name: `100 orders on ${database.name}: all ACTIVE, none duplicated, ${(totalMs / 1000).toFixed(1)} s = ${(totalMs / minimumMs).toFixed(2)}x the simulator's minimum of ${(minimumMs / 1000).toFixed(2)} s`,
        // Speed against the floor the simulator sets (1.0 would be no overhead of ours at all). The
        // issue sets no bar; ours is to stay within 10x of it.
        ratio: minimumMs / totalMs,
        target: 0.1,
        met: minimumMs / totalMs >= 0.1,
      });
    } finally {
      await target.stop();
    }
  }
  console.log(`\n${USERS * ORDERS_PER_USER} servers ordered at once by ${USERS} users, one third per cloud`);
  console.table(rows);
  return verdicts;
}
