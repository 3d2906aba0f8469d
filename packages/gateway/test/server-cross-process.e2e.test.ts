import type { ServerStatusChange } from "@peykarband/domain";
import { loadConfig, openRedisServerStatusPubSub } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { startCloudSimulators } from "@peykarband/simulators";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createAdmin } from "../src/cli/create-admin.command.ts";
import { stepUpSession } from "./support/step-up.ts";
import { spawnRole, type RoleProcess } from "./support/cross-process-roles.ts";
import { deploymentEnv, scratchDatabaseUrl } from "./support/deployment-env.ts";
import { createTestSdk, type TestSdkClient } from "./support/sdk-client.ts";
import { recordStatuses, tailFrom, type StatusRecording } from "./support/server-live-streams.ts";

/**
 * The gateway and the worker run as separate processes sharing PostgreSQL and Redis, and a
 * server is watched going PENDING -> PROVISIONING -> ACTIVE with its IP.
 * Both are `main.ts` in production mode, one ROLE each; the clouds are simulators in this process,
 * reached through the same environment variables a deployment sets.
 */

const postgres = testDatabases().find((t) => t.name.startsWith("postgresql"))!;
const REDIS_URL = process.env["REDIS_URL"] ?? "";
const PASSWORD = "correct horse battery";
const START_MS = 60_000;
const STOP_MS = 30_000;
const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;

/** The key inside a global id (base64url of "<Type>:<key>"), as the database and Redis carry it. */
const keyOf = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1]!;

const withoutServices = postgres.skipReason !== null || REDIS_URL === "";

describe.skipIf(withoutServices)("the gateway and the worker as separate processes", () => {
  it(
    "streams a server's PENDING -> PROVISIONING -> ACTIVE from the worker through Redis to a graphql-ws client of the gateway",
    { timeout: 180_000 },
    async () => {
      const database = await postgres.open();
      const clouds = await startCloudSimulators({ faults: { actionMs: 300 } });
      const dataDir = mkdtempSync(join(tmpdir(), "pk-xp-"));
      const env: Record<string, string> = {
        ...deploymentEnv({
          databaseUrl: await scratchDatabaseUrl(database),
          clouds,
          dataDir,
          deploymentPrefix: "xp",
        }),
        REDIS_URL,
      };
      const roles: RoleProcess[] = [];
      const clients: TestSdkClient[] = [];
      const streams: StatusRecording[] = [];
      // A third party on the deployment's Redis channels: what it hears went through Redis.
      const onRedis: ServerStatusChange[] = [];
      const redisErrors: string[] = [];
      const redis = await openRedisServerStatusPubSub({
        redisUrl: REDIS_URL,
        deployment: env["DEPLOYMENT_NAME"]!,
        onError: (error) => redisErrors.push(error.message),
      });
      try {
        // One after the other: each creates the job queue schema and syncs the catalog at start.
        const gateway = spawnRole("gateway", env);
        roles.push(gateway);
        const url = (await gateway.waitForLine(/listening on (http:\/\/[^\s"]+\/graphql)/, START_MS))[1]!;
        const worker = spawnRole("worker", env);
        roles.push(worker);
        await worker.waitForLine(/Peykarband worker started/, START_MS);

        await createAdmin(loadConfig(env), { email: "root@example.com", password: PASSWORD }, database);
        const admin = createTestSdk(url);
        const client = createTestSdk(url);
        clients.push(admin, client);
        const { logIn } = await admin.LogIn({ input: { email: "root@example.com", password: PASSWORD } });
        await stepUpSession(url, logIn.session!.accessToken, PASSWORD);
        const { registerUser } = await client.RegisterUser({
          input: { email: `c-${randomUUID()}@example.com`, password: PASSWORD },
        });
        const userId = registerUser.user!.id;
        const { adjustWallet } = await admin.AdjustWallet({
          input: { userId, amount: "500000000", reason: "test funds", idempotencyKey: randomUUID() },
        });
        expect(adjustWallet.userErrors).toEqual([]);
        const redisFeed = await redis.subscribe(keyOf(userId));
        void (async () => {
          for await (const change of redisFeed) onRedis.push(change);
        })();

        const connected = new Promise<void>((resolve) =>
          client.subscriptions().on("connected", () => resolve()),
        );
        const all = recordStatuses(client);
        streams.push(all);
        await connected;

        const { orderServer } = await client.OrderServer({
          input: {
            name: "xp-1",
            planId: "hz-cx22",
            regionId: "hz-fsn1",
            imageId: "ubuntu-24.04",
            idempotencyKey: randomUUID(),
          },
        });
        expect(orderServer.userErrors).toEqual([]);
        const serverId = orderServer.server!.id;
        const one = recordStatuses(client, serverId);
        streams.push(one);

        const active = await all.waitFor(
          (e) => e.server.id === serverId && e.status === "ACTIVE",
          "ACTIVE",
          60_000,
        );
        expect(active.server.ipv4).toMatch(IPV4);
        expect(all.statuses(serverId)).toEqual(["PENDING", "PROVISIONING", "ACTIVE"]);
        const own = all.events.filter((e) => e.server.id === serverId);
        expect(own.map((e) => e.previousStatus)).toEqual([null, "PENDING", "PROVISIONING"]);
        await one.waitFor((e) => e.status === "ACTIVE", "ACTIVE on the one-server stream");
        expect(one.statuses()).toEqual(tailFrom(["PENDING", "PROVISIONING", "ACTIVE"], one.statuses()[0]));

        // The worker's changes crossed Redis: the observer heard them on the deployment's channel.
        const uuid = keyOf(serverId);
        await vi.waitFor(() =>
          expect(onRedis.filter((c) => c.serverId === uuid).map((c) => c.status)).toEqual([
            "PENDING",
            "PROVISIONING",
            "ACTIVE",
          ]),
        );
        expect(redisErrors).toEqual([]);
        expect(clouds.servers().map((s) => s.serverId)).toEqual([uuid]);

        // Deleted through the gateway, done by the worker: nothing left at the provider.
        expect((await client.DeleteServer({ input: { serverId } })).deleteServer.userErrors).toEqual([]);
        await all.waitFor((e) => e.server.id === serverId && e.status === "DELETED", "DELETED", 60_000);
        expect(all.statuses(serverId).slice(3)).toEqual(["DELETING", "DELETED"]);
        expect(clouds.servers()).toEqual([]);

        for (const stream of streams.splice(0)) await stream.stop();
        for (const sdk of clients.splice(0)) await sdk.dispose();
        const ends = await Promise.all(roles.map((role) => role.stop("SIGTERM", STOP_MS)));
        expect(ends, roles.map((role) => role.output()).join("\n")).toEqual(["exit 0", "exit 0"]);
        for (const role of roles) expect(role.output()).toMatch(/SIGTERM: draining and shutting down/);
      } finally {
        for (const stream of streams) await stream.stop().catch(() => undefined);
        for (const sdk of clients) await sdk.dispose().catch(() => undefined);
        await Promise.all(roles.map((role) => role.stop("SIGKILL", STOP_MS)));
        await redis.close();
        await clouds.close();
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
