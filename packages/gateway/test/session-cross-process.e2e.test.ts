import { loadConfig } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { startCloudSimulators } from "@peykarband/simulators";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createAdmin } from "../src/cli/create-admin.command.ts";
import { stepUpSession } from "./support/step-up.ts";
import { query } from "./abuse/abuse-app.ts";
import { codeOf, sendGraphQL } from "./abuse/abuse-client.ts";
import { keyOfGlobalId } from "./abuse/accounts-kit.ts";
import { spawnRole, type RoleProcess } from "./support/cross-process-roles.ts";
import { deploymentEnv, scratchDatabaseUrl } from "./support/deployment-env.ts";

/**
 * Two gateway processes (`main.ts`, ROLE=gateway) sharing PostgreSQL and Redis, as a scaled-out
 * deployment runs them. Each caches session reads; here for 60 s, so that a token refused on the
 * other process within the 20 s the test waits can only have been refused because the revocation
 * was broadcast, not because the cache expired.
 */

const postgres = testDatabases().find((t) => t.name.startsWith("postgresql"))!;
const REDIS_URL = process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379";
const PASSWORD = "correct horse battery";
const START_MS = 60_000;
const STOP_MS = 30_000;
const BROADCAST_BOUND_MS = 20_000;

const REGISTER = `mutation($input: RegisterUserInput!) {
  registerUser(input: $input) { user { id } session { accessToken } userErrors { code } }
}`;
const LOG_IN = `mutation($input: LogInInput!) {
  logIn(input: $input) { session { accessToken user { id } } userErrors { code } }
}`;
const LOG_OUT = `mutation { logOut(input: {}) { loggedOut userErrors { code } } }`;
const CHANGE_ROLE = `mutation($input: ChangeUserRoleInput!) {
  changeUserRole(input: $input) { user { role } userErrors { code } }
}`;
const ADJUST_WALLET = `mutation($input: AdjustWalletInput!) {
  adjustWallet(input: $input) { wallet { balance } userErrors { code } }
}`;
const VIEWER = `{ viewer { id role } }`;

describe.skipIf(postgres.skipReason !== null)("sessions across two gateway processes", () => {
  it(
    "refuses a logged-out token and a demoted admin on the other gateway as soon as the revocation is broadcast",
    { timeout: 240_000 },
    async () => {
      const database = await postgres.open();
      const clouds = await startCloudSimulators();
      const dataDir = mkdtempSync(join(tmpdir(), "pk-sessions-"));
      const env: Record<string, string> = {
        ...deploymentEnv({
          databaseUrl: await scratchDatabaseUrl(database),
          clouds,
          dataDir,
          deploymentPrefix: "sx",
        }),
        REDIS_URL,
        SESSION_CACHE_TTL_MS: "60000",
      };
      const roles: RoleProcess[] = [];
      try {
        // One after the other: each migrates and syncs the catalog at start.
        const one = spawnRole("gateway", env);
        roles.push(one);
        const urlOne = (await one.waitForLine(/listening on (http:\/\/[^\s"]+\/graphql)/, START_MS))[1]!;
        const two = spawnRole("gateway", env);
        roles.push(two);
        const urlTwo = (await two.waitForLine(/listening on (http:\/\/[^\s"]+\/graphql)/, START_MS))[1]!;

        const config = loadConfig(env);
        await createAdmin(config, { email: "root@example.com", password: PASSWORD }, database);
        await createAdmin(config, { email: "ops@example.com", password: PASSWORD }, database);
        const signIn = async (url: string, email: string) => {
          const response = await sendGraphQL(url, LOG_IN, { input: { email, password: PASSWORD } });
          const session = (
            response.json?.data?.["logIn"] as {
              session: { accessToken: string; user: { id: string } } | null;
            }
          ).session;
          if (!session) throw new Error(`sign-in of ${email} failed: ${response.text}`);
          return session;
        };
        const refusedOn = async (url: string, token: string) =>
          codeOf(await sendGraphQL(url, VIEWER, {}, { token })) === "UNAUTHENTICATED";

        // Logout on one: the token, read (and cached) on two, is refused there.
        const registered = await sendGraphQL(urlOne, REGISTER, {
          input: { email: `c-${randomUUID()}@example.com`, password: PASSWORD },
        });
        const customer = registered.json?.data?.["registerUser"] as {
          user: { id: string };
          session: { accessToken: string };
        };
        const customerToken = customer.session.accessToken;
        expect((await sendGraphQL(urlTwo, VIEWER, {}, { token: customerToken })).json?.data).toEqual({
          viewer: { id: customer.user.id, role: "CUSTOMER" },
        });
        const loggedOut = await sendGraphQL(urlOne, LOG_OUT, {}, { token: customerToken });
        expect(loggedOut.json?.data).toEqual({ logOut: { loggedOut: true, userErrors: [] } });
        await vi.waitFor(async () => expect(await refusedOn(urlTwo, customerToken)).toBe(true), {
          timeout: BROADCAST_BOUND_MS,
          interval: 20,
        });

        // Demotion on one: the admin's adjustWallet on two is refused.
        const root = await signIn(urlOne, "root@example.com");
        const ops = await signIn(urlTwo, "ops@example.com");
        await stepUpSession(urlOne, root.accessToken, PASSWORD);
        await stepUpSession(urlTwo, ops.accessToken, PASSWORD);
        const adjust = () =>
          sendGraphQL(
            urlTwo,
            ADJUST_WALLET,
            {
              input: {
                userId: customer.user.id,
                amount: "1000000",
                reason: "goodwill",
                idempotencyKey: randomUUID(),
              },
            },
            { token: ops.accessToken },
          );
        const allowed = await adjust();
        expect(allowed.json?.data).toEqual({
          adjustWallet: { wallet: { balance: "1000000" }, userErrors: [] },
        });
        const demoted = await sendGraphQL(
          urlOne,
          CHANGE_ROLE,
          { input: { userId: ops.user.id, role: "CUSTOMER" } },
          { token: root.accessToken },
        );
        expect(demoted.json?.data).toEqual({
          changeUserRole: { user: { role: "CUSTOMER" }, userErrors: [] },
        });
        await vi.waitFor(async () => expect(await refusedOn(urlTwo, ops.accessToken)).toBe(true), {
          timeout: BROADCAST_BOUND_MS,
          interval: 20,
        });
        const refused = await adjust();
        expect([refused.status, codeOf(refused)]).toEqual([401, "UNAUTHENTICATED"]);
        const [wallet] = await query<{ balance: string }>(
          database,
          `select balance::text as balance from wallets where user_id = $1::uuid`,
          [keyOfGlobalId(customer.user.id)],
        );
        expect(wallet?.balance).toBe("1000000");

        const ends = await Promise.all(roles.map((role) => role.stop("SIGTERM", STOP_MS)));
        expect(ends, roles.map((role) => role.output()).join("\n")).toEqual(["exit 0", "exit 0"]);
        for (const role of roles) expect(role.output()).not.toMatch(/session eviction bus error/);
      } finally {
        await Promise.all(roles.map((role) => role.stop("SIGKILL", STOP_MS)));
        await clouds.close();
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
