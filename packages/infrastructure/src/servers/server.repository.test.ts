import { SERVER_JOB_NAMES, type ServerJobData } from "@peykarband/application";
import { Rial, type Server } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { Job } from "../jobs/pg-boss.job-queue.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { aServer, anOrder } from "../testing/server-fixtures.ts";
import { testDatabases } from "../testing/test-database.ts";
import { serverRepositoryKit } from "../../test/server-repository-kit.ts";
import { fundWallet } from "../testing/wallet-fixtures.ts";
import { rowsOf } from "../database/result-rows.ts";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`DrizzleServerRepository on ${target.name}`, () => {
    const kit = serverRepositoryKit(target);
    const { aFundedUser, historyRowCount } = kit;

    async function jobsFor(serverId: string): Promise<{ name: string; data: ServerJobData }[]> {
      const result: unknown = await kit.database.db.execute(
        sql`select name, data from pgboss.job where data->>'serverId' = ${serverId} order by created_on`,
      );
      return rowsOf(result);
    }

    async function placed(server: Server, options?: Parameters<typeof anOrder>[1]): Promise<Server> {
      const outcome = await kit.repo.placeOrder(anOrder(server, options));
      if (outcome.status !== "PLACED") throw new Error(`not placed: ${outcome.status}`);
      return outcome.server;
    }

    it("places an order in one transaction: server, first history row, charge and job", async () => {
      const user = await aFundedUser();
      const server = aServer(user.id, { sshKeyIds: [randomUUID()] });
      const outcome = await kit.repo.placeOrder(anOrder(server, { charge: 11_000n }));

      expect(outcome).toEqual({ status: "PLACED", server });
      expect(await kit.repo.findById(server.id)).toEqual(server);
      expect(await kit.repo.history(server.id)).toEqual([
        {
          serverId: server.id,
          userId: user.id,
          status: "PENDING",
          previousStatus: null,
          version: 1,
          reason: null,
          occurredAt: server.createdAt,
        },
      ]);
      expect(await kit.ledger.balance(user.id)).toEqual(Rial.of(989_000n));
      expect(await jobsFor(server.id)).toEqual([
        { name: SERVER_JOB_NAMES.provision, data: { serverId: server.id, operation: "PROVISION" } },
      ]);
    });

    it("answers the first server again for a repeated idempotency key, and charges once", async () => {
      const user = await aFundedUser();
      const first = await placed(aServer(user.id));
      const again = aServer(user.id, { idempotencyKey: first.idempotencyKey, name: "other" });

      expect(await kit.repo.placeOrder(anOrder(again))).toEqual({ status: "DUPLICATE", server: first });
      expect(await kit.repo.findById(again.id)).toBeNull();
      expect(await kit.ledger.balance(user.id)).toEqual(Rial.of(989_000n));
      expect(await jobsFor(again.id)).toEqual([]);
      // Another user may use the same key.
      const other = await aFundedUser();
      expect(
        (await kit.repo.placeOrder(anOrder(aServer(other.id, { idempotencyKey: first.idempotencyKey }))))
          .status,
      ).toBe("PLACED");
    });

    it("lets exactly `limit` of 20 concurrent orders through the quota", async () => {
      const user = await aFundedUser();
      const orders = Array.from({ length: 20 }, () => anOrder(aServer(user.id), { quotaLimit: 5 }));
      const outcomes = await Promise.all(orders.map((order) => kit.repo.placeOrder(order)));

      expect(outcomes.filter((o) => o.status === "PLACED")).toHaveLength(5);
      expect(outcomes.filter((o) => o.status === "QUOTA_EXCEEDED")).toEqual(
        Array.from({ length: 15 }, () => ({ status: "QUOTA_EXCEEDED", limit: 5 })),
      );
      expect(await kit.repo.listLive(user.id, 100)).toHaveLength(5);
      expect(await kit.ledger.balance(user.id)).toEqual(Rial.of(1_000_000n - 5n * 11_000n));
      const jobs = await Promise.all(orders.map((order) => jobsFor(order.server.id)));
      expect(jobs.flat()).toHaveLength(5);
    });

    it("does not count FAILED and DELETED servers against the quota", async () => {
      const user = await aFundedUser();
      const server = await placed(aServer(user.id), { quotaLimit: 1 });
      expect((await kit.repo.placeOrder(anOrder(aServer(user.id), { quotaLimit: 1 }))).status).toBe(
        "QUOTA_EXCEEDED",
      );
      await kit.repo.change({ serverId: server.id, from: ["PENDING"], to: "FAILED", at: new Date() });
      expect((await kit.repo.placeOrder(anOrder(aServer(user.id), { quotaLimit: 1 }))).status).toBe("PLACED");
    });

    it("writes nothing when the wallet cannot pay the first charge", async () => {
      const user = await aFundedUser(5_000n);
      const server = aServer(user.id);

      expect(await kit.repo.placeOrder(anOrder(server, { charge: 11_000n }))).toEqual({
        status: "INSUFFICIENT_FUNDS",
        balance: Rial.of(5_000n),
      });
      expect(await kit.repo.findById(server.id)).toBeNull();
      expect(await historyRowCount(server.id)).toBe(0);
      expect(await jobsFor(server.id)).toEqual([]);
      expect(await kit.ledger.balance(user.id)).toEqual(Rial.of(5_000n));
      // The transaction was rolled back cleanly: the same order goes through once funded.
      await fundWallet(kit.ledger, user.id, 10_000n);
      expect((await kit.repo.placeOrder(anOrder(server, { charge: 11_000n }))).status).toBe("PLACED");
    });

    it("writes nothing when the job cannot be enqueued", async () => {
      const user = await aFundedUser();
      const server = aServer(user.id);
      const order = {
        ...anOrder(server),
        job: { name: "servers.no-such-queue", data: anOrder(server).job.data },
      };

      await expect(kit.repo.placeOrder(order as never)).rejects.toThrow(/refused the job/);
      expect(await kit.repo.findById(server.id)).toBeNull();
      expect(await kit.ledger.balance(user.id)).toEqual(Rial.of(1_000_000n));
    });

    it("hands a committed order's job to a worker", async () => {
      const seen: Job<ServerJobData>[] = [];
      const user = await aFundedUser();
      const server = await placed(aServer(user.id));
      await kit.queue.work<ServerJobData>(SERVER_JOB_NAMES.operate, async (job) => void seen.push(job), {
        pollingIntervalSeconds: 0.5,
      });
      // The operate kit.queue's job comes from a change, in the change's transaction.
      const outcome = await kit.repo.change({
        serverId: server.id,
        from: ["PENDING"],
        to: "PENDING",
        changes: { pendingOperation: "REBOOT" },
        at: new Date(),
        job: { name: SERVER_JOB_NAMES.operate, data: { serverId: server.id, operation: "REBOOT" } },
      });
      expect(outcome.status).toBe("CHANGED");
      await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 10_000, interval: 100 });
      expect(seen[0]?.data).toEqual({ serverId: server.id, operation: "REBOOT" });
    });

    it("finds by ids in the order asked, with null for unknown and malformed ids", async () => {
      const user = await aFundedUser();
      const a = await placed(aServer(user.id));
      const b = await placed(aServer(user.id));
      expect(await kit.repo.findByIds([b.id, "not-a-uuid", a.id, randomUUID(), b.id])).toEqual([
        b,
        null,
        a,
        null,
        b,
      ]);
      expect(await kit.repo.findByIds([])).toEqual([]);
    });

    it("pages a user's servers newest first, forwards and backwards, with a status filter", async () => {
      const user = await aFundedUser();
      const base = Date.parse("2026-04-01T00:00:00.000Z");
      const stored: Server[] = [];
      for (let i = 0; i < 7; i++) {
        // Two servers share each instant, so the id breaks ties.
        const createdAt = new Date(base + Math.floor(i / 2) * 60_000);
        stored.push(await placed(aServer(user.id, { createdAt, updatedAt: createdAt })));
      }
      const newestFirst = [...stored].sort(
        (x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (y.id < x.id ? -1 : y.id > x.id ? 1 : 0),
      );
      const cursorOf = (s: Server) => ({ createdAt: s.createdAt, id: s.id });

      const first = await kit.repo.list({ userId: user.id, limit: 3 });
      expect(first).toEqual({ servers: newestFirst.slice(0, 3), hasMore: true });
      const second = await kit.repo.list({ userId: user.id, limit: 3, cursor: cursorOf(newestFirst[2]!) });
      expect(second).toEqual({ servers: newestFirst.slice(3, 6), hasMore: true });
      const third = await kit.repo.list({ userId: user.id, limit: 3, cursor: cursorOf(newestFirst[5]!) });
      expect(third).toEqual({ servers: newestFirst.slice(6), hasMore: false });

      const last = await kit.repo.list({ userId: user.id, limit: 3, direction: "before" });
      expect(last).toEqual({ servers: newestFirst.slice(4), hasMore: true });
      const before = await kit.repo.list({
        userId: user.id,
        limit: 3,
        direction: "before",
        cursor: cursorOf(newestFirst[4]!),
      });
      expect(before).toEqual({ servers: newestFirst.slice(1, 4), hasMore: true });
      const top = await kit.repo.list({
        userId: user.id,
        limit: 3,
        direction: "before",
        cursor: cursorOf(newestFirst[1]!),
      });
      expect(top).toEqual({ servers: newestFirst.slice(0, 1), hasMore: false });

      await kit.repo.change({
        serverId: newestFirst[0]!.id,
        from: ["PENDING"],
        to: "FAILED",
        at: new Date(),
      });
      const failed = await kit.repo.list({ userId: user.id, limit: 10, filter: { statuses: ["FAILED"] } });
      expect(failed.servers.map((s) => s.id)).toEqual([newestFirst[0]!.id]);
      expect(await kit.repo.list({ userId: user.id, limit: 10, filter: { statuses: [] } })).toEqual({
        servers: [],
        hasMore: false,
      });
      const everyone = await kit.repo.list({ userId: null, limit: 100 });
      expect(everyone.servers.map((s) => s.id)).toEqual(expect.arrayContaining(stored.map((s) => s.id)));
      expect(await kit.repo.list({ userId: "nope", limit: 3 })).toEqual({ servers: [], hasMore: false });
    });

    it("keeps the status history append-only", async () => {
      const user = await aFundedUser();
      const server = await placed(aServer(user.id));
      await expect(
        kit.database.db.execute(
          sql`update server_status_changes set reason = 'edited' where server_id = ${server.id}`,
        ),
      ).rejects.toThrow();
      await expect(
        kit.database.db.execute(sql`delete from server_status_changes where server_id = ${server.id}`),
      ).rejects.toThrow();
      await expect(kit.database.db.execute(sql`truncate server_status_changes cascade`)).rejects.toThrow();
      expect(await historyRowCount(server.id)).toBe(1);
    });

    it("keeps a user's quota override, and removes it", async () => {
      const user = await insertUser(kit.database);
      expect(await kit.repo.quotaOverride(user.id)).toBeNull();
      await kit.repo.setQuotaOverride(user.id, 3);
      await kit.repo.setQuotaOverride(user.id, 25);
      expect(await kit.repo.quotaOverride(user.id)).toBe(25);
      await kit.repo.setQuotaOverride(user.id, null);
      expect(await kit.repo.quotaOverride(user.id)).toBeNull();
      expect(await kit.repo.quotaOverride("nope")).toBeNull();
    });
  });
}
