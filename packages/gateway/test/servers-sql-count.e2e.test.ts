/**
 * Batching: `servers(first: N) { plan region image }` sends the same few SQL statements at
 * N = 10 and at N = 100. Counted at the driver, under drizzle and everything else: PGlite's wire
 * messages (one Parse per extended-protocol statement, one Query per simple one), postgres-js's
 * `debug` hook (called for every query it sends). Authentication's own read counts too: each
 * request is measured once with a fresh session (the session cache misses) and once right after
 * (it hits).
 */
import type { Database } from "@peykarband/infrastructure";
import {
  aServer,
  anOrder,
  countStatements,
  fundWallet,
  testDatabases,
  TEST_VAT_RATE,
} from "@peykarband/infrastructure/testing";
import {
  DrizzleServerRepository,
  DrizzleWalletLedger,
  openJobQueue,
  type JobQueue,
} from "@peykarband/infrastructure";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWalletApp, type WalletApp } from "./support/wallet-app.ts";

const STORED = 120;
const PASSWORD = "correct horse battery";
const QUERY = `query Servers($first: Int!) {
  servers(first: $first) { edges { node { plan { id } region { id } image { id } } } }
}`;

/** Catalog entries of one provider each, so the page mixes plans, regions and images. */
const PLACEMENTS = [
  { provider: "DIGITALOCEAN", planId: "do-s-1vcpu-1gb", regionId: "do-fra1" },
  { provider: "DIGITALOCEAN", planId: "do-s-1vcpu-2gb", regionId: "do-ams3" },
  { provider: "HETZNER", planId: "hz-cx22", regionId: "hz-fsn1" },
  { provider: "HETZNER", planId: "hz-cx32", regionId: "hz-hel1" },
] as const;
const IMAGES = ["ubuntu-24.04", "debian-12"] as const;

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`servers' SQL statements on ${target.name}`, () => {
    let database: Database;
    let queue: JobQueue;
    let t: WalletApp;
    let statements: { take(): string[] };
    let email: string;

    beforeAll(async () => {
      database = await target.open();
      t = await startWalletApp(database);
      email = `fleet-${randomUUID()}@example.com`;
      const registered = await graphql<{ registerUser: { user: { id: string } | null } }>(
        `
          mutation ($input: RegisterUserInput!) {
            registerUser(input: $input) {
              user {
                id
              }
            }
          }
        `,
        { input: { email, password: PASSWORD } },
      );
      const userId = registered.registerUser.user!.id;
      const userKey = Buffer.from(userId, "base64url").toString().split(":")[1]!;
      // Stored through the repository, not orderServer: the default quota allows 10 servers.
      queue = await openJobQueue(database, {
        role: "producer",
        onError: (error) => {
          throw error;
        },
      });
      const repo = new DrizzleServerRepository(database.db, queue, TEST_VAT_RATE);
      await fundWallet(new DrizzleWalletLedger(database.db), userKey, 10n ** 12n);
      for (let n = 0; n < STORED; n++) {
        const placement = PLACEMENTS[n % PLACEMENTS.length]!;
        const server = aServer(userKey, {
          ...placement,
          imageId: IMAGES[n % IMAGES.length]!,
          name: `web-${n}`,
          createdAt: new Date(Date.UTC(2026, 2, 21, 8, 0, n)),
        });
        const outcome = await repo.placeOrder(anOrder(server, { quotaLimit: STORED }));
        if (outcome.status !== "PLACED") throw new Error(`fixture order ${outcome.status}`);
      }
      // The catalog is read once per process, on first use; warm it with an anonymous query.
      await graphql(`
        {
          plans {
            id
          }
        }
      `);
      statements = countStatements(database);
    }, 60_000);

    afterAll(async () => {
      await queue?.stop({ timeoutMs: 1000 });
      await t?.close();
      await database?.close();
    });

    async function graphql<T>(query: string, variables?: unknown, token?: string): Promise<T> {
      const response = await fetch(t.app.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown };
      if (response.status !== 200 || body.errors || !body.data) throw new Error(JSON.stringify(body));
      return body.data;
    }

    async function freshToken(): Promise<string> {
      const { logIn } = await graphql<{ logIn: { session: { accessToken: string } } }>(
        `
          mutation ($input: LogInInput!) {
            logIn(input: $input) {
              session {
                accessToken
              }
            }
          }
        `,
        { input: { email, password: PASSWORD } },
      );
      return logIn.session.accessToken;
    }

    /** The statements one `servers(first)` request sends, and how many servers it answered. */
    async function statementsOf(first: number, token: string) {
      statements.take();
      const data = await graphql<{ servers: { edges: { node: Record<string, { id: string }> }[] } }>(
        QUERY,
        { first },
        token,
      );
      const sent = statements.take();
      const nodes = data.servers.edges.map((edge) => edge.node);
      // The counter sees the page's own read, so a count of 1 is not a counter that sees nothing.
      expect(
        sent.filter((text) => /from "servers"/i.test(text)),
        sent.join("\n"),
      ).toHaveLength(1);
      expect(nodes.every((node) => node["plan"]?.id && node["region"]?.id && node["image"]?.id)).toBe(true);
      return { statements: sent, served: nodes.length };
    }

    it("sends at most 3 statements, as many at 10 servers as at 100, with and without the session cached", async () => {
      const results: Record<string, string[]> = {};
      for (const first of [10, 100]) {
        const token = await freshToken();
        const cold = await statementsOf(first, token);
        const warm = await statementsOf(first, token);
        expect(cold.served).toBe(first);
        results[`first: ${first}, session not cached`] = cold.statements;
        results[`first: ${first}, session cached`] = warm.statements;
      }
      const counts = Object.fromEntries(Object.entries(results).map(([name, list]) => [name, list.length]));
      for (const list of Object.values(results)) expect(list.length, list.join("\n")).toBeLessThanOrEqual(3);
      expect(counts["first: 100, session not cached"]).toBe(counts["first: 10, session not cached"]);
      expect(counts["first: 100, session cached"]).toBe(counts["first: 10, session cached"]);
    });
  });
}
