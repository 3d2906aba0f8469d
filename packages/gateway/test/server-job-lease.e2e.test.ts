import type { RequestContext, ServerJobData, ServerUseCases } from "@peykarband/application";
import {
  DrizzleWalletLedger,
  inProcessServerStatusPubSub,
  loadConfig,
  openJobQueue,
  tables,
  type Database,
  type JobQueue,
} from "@peykarband/infrastructure";
import {
  claimJobAndDie,
  fundWallet,
  insertUser,
  jobState,
  testDatabases,
} from "@peykarband/infrastructure/testing";
import { startCloudSimulators, type CloudSimulators } from "@peykarband/simulators";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { composeAccountAdapters } from "../src/composition/compose-accounts.ts";
import { composeServers, SERVER_QUEUES } from "../src/composition/compose-servers.ts";
import { startWorker, type Worker } from "../src/composition/start-worker.ts";

/**
 * A worker claims a provisioning job, creates the server at the cloud and dies before it can say
 * so or complete the job. pg-boss alone would leave the job active for its expiry (10 minutes) and
 * then back off; with leases another worker takes it over within a lease, adopts the server the
 * dead one created, and the server ends ACTIVE with one server at the cloud.
 */
const LEASE_SECONDS = 1.5;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`a server job whose worker died, on ${target.name}`, () => {
    let database: Database;
    let clouds: CloudSimulators;
    let queue: JobQueue;
    let servers: ServerUseCases;
    let worker: Worker | null = null;
    const dataDir = mkdtempSync(join(tmpdir(), "pk-lease-"));
    const errors: Error[] = [];

    beforeAll(async () => {
      database = await target.open();
      clouds = await startCloudSimulators({ faults: { actionMs: 200 } });
      const config = loadConfig({ NODE_ENV: "test", HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir });
      queue = await openJobQueue(database, { onError: (error) => errors.push(error) });
      servers = await composeServers({
        config,
        database,
        accounts: composeAccountAdapters(database, config),
        queue,
        bus: inProcessServerStatusPubSub({ deployment: config.deploymentName, onError: () => undefined }),
        overrides: { cloudSimulators: clouds, serverPolicy: { pollIntervalMs: 100, maxPollIntervalMs: 400 } },
      });
    });
    afterAll(async () => {
      if (worker) await worker.stop();
      else await queue?.stop({ timeoutMs: 1000 });
      await clouds?.close();
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("is taken over by another worker, which adopts the server the dead one created", async () => {
      const user = await insertUser(database);
      await fundWallet(new DrizzleWalletLedger(database.db), user.id, 1_000_000_000n);
      const viewer: RequestContext = {
        requestId: randomUUID(),
        ip: null,
        userAgent: null,
        viewer: { userId: user.id, role: "CUSTOMER", sessionId: randomUUID() },
      };
      const ordered = await servers.orderServer(
        {
          name: "lease-test",
          planId: "hz-cx22",
          regionId: "hz-fsn1",
          imageId: "ubuntu-24.04",
          sshKeyIds: [],
          idempotencyKey: randomUUID(),
        },
        viewer,
      );
      if (!ordered.ok) throw new Error(ordered.error.message);
      const serverId = ordered.value.server.id;
      const serverRows = async () =>
        (await database.db.select().from(tables.servers)).filter((row) => row.id === serverId);

      // The doomed worker: claims the job as any worker does, creates at the cloud, and dies as the
      // create's answer is on its way (it never completes or fails the job).
      const claimed = await claimJobAndDie<ServerJobData>(database, SERVER_QUEUES.provision.name);
      expect(claimed?.data.serverId).toBe(serverId);
      clouds.setFaults({ loseCreateResponses: 1 });
      await expect(
        servers.runServerJob({ ...claimed!.data, isLastAttempt: false, holdsLease: () => true }, viewer),
      ).rejects.toThrow();
      expect(clouds.servers().filter((s) => s.serverId === serverId)).toHaveLength(1);
      const [dying] = await serverRows();
      expect(dying).toMatchObject({ status: "PROVISIONING", providerServerId: null });

      worker = await startWorker({
        database,
        logger: silent,
        queue,
        handlers: {
          servers,
          reconcilePendingPayments: async () => ({
            examined: 0,
            credited: 0,
            alreadySettled: 0,
            failed: 0,
            stillPending: 0,
            rechecked: 0,
            creditedLate: 0,
          }),
        },
        pollingIntervalSeconds: 0.5,
        serverJobLeaseSeconds: LEASE_SECONDS,
      });
      // Well inside pg-boss's own expiry (10 minutes) and retry backoff: only the lease brings it back.
      await vi.waitFor(
        async () => {
          const [row] = await serverRows();
          expect(row?.status).toBe("ACTIVE");
        },
        { timeout: 30_000, interval: 200 },
      );

      const atCloud = clouds.servers().filter((s) => s.serverId === serverId);
      expect(atCloud).toHaveLength(1);
      const [active] = await serverRows();
      expect(active?.providerServerId).toBe(atCloud[0]!.providerServerId);
      const history = (await database.db.select().from(tables.serverStatusChanges)).filter(
        (h) => h.serverId === serverId,
      );
      expect(history.map((h) => h.status)).toEqual(["PENDING", "PROVISIONING", "ACTIVE"]);
      await vi.waitFor(async () =>
        expect(await jobState(database, claimed!.id)).toEqual({ state: "completed", retryCount: 1 }),
      );
      expect(errors).toEqual([]);
    });
  });
}
