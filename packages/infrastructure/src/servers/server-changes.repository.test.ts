import { ProviderServerIdTaken } from "@peykarband/application";
import { Rial, serverFailureRefund, type Server } from "@peykarband/domain";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { aServer, anOrder } from "../testing/server-fixtures.ts";
import { testDatabases } from "../testing/test-database.ts";
import { serverRepositoryKit } from "../../test/server-repository-kit.ts";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(
    `DrizzleServerRepository status changes on ${target.name}`,
    () => {
      const kit = serverRepositoryKit(target);
      const { aFundedUser, historyRowCount } = kit;

      async function placed(server: Server, options?: Parameters<typeof anOrder>[1]): Promise<Server> {
        const outcome = await kit.repo.placeOrder(anOrder(server, options));
        if (outcome.status !== "PLACED") throw new Error(`not placed: ${outcome.status}`);
        return outcome.server;
      }

      it("claims an idle server for one operation only: of 10 concurrent claims exactly one wins", async () => {
        const user = await aFundedUser();
        const server = await placed(aServer(user.id));
        const at = new Date("2026-03-21T08:01:00.000Z");
        const outcomes = await Promise.all(
          Array.from({ length: 10 }, () =>
            kit.repo.change({
              serverId: server.id,
              from: ["PENDING"],
              whileIdle: true,
              to: "PENDING",
              changes: { pendingOperation: "DELETE" },
              at,
            }),
          ),
        );
        expect(outcomes.filter((o) => o.status === "CHANGED")).toHaveLength(1);
        expect(await kit.repo.findById(server.id)).toMatchObject({ pendingOperation: "DELETE", version: 2 });
        await expect(
          kit.repo.change({ serverId: server.id, from: ["PENDING"], to: "ACTIVE", at }),
        ).rejects.toThrow("illegal server transition PENDING -> ACTIVE");
      });

      it("changes by compare-and-set: of 10 concurrent changes from one status exactly one wins", async () => {
        const user = await aFundedUser();
        const server = await placed(aServer(user.id));
        const at = new Date("2026-03-21T08:01:00.000Z");
        const outcomes = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            kit.repo.change({
              serverId: server.id,
              from: ["PENDING"],
              to: "PROVISIONING",
              reason: `worker ${i}`,
              at,
            }),
          ),
        );

        const winners = outcomes.filter((o) => o.status === "CHANGED");
        expect(winners).toHaveLength(1);
        expect(outcomes.filter((o) => o.status === "STALE")).toHaveLength(9);
        const stored = await kit.repo.findById(server.id);
        expect(stored).toMatchObject({ status: "PROVISIONING", version: 2, updatedAt: at });
        expect(winners[0]).toEqual({
          status: "CHANGED",
          server: stored,
          change: {
            serverId: server.id,
            userId: user.id,
            status: "PROVISIONING",
            previousStatus: "PENDING",
            version: 2,
            reason: expect.stringMatching(/^worker \d$/) as unknown,
            occurredAt: at,
          },
        });
        expect(await historyRowCount(server.id)).toBe(2);
      });

      it("stores field changes with a version bump but no history row, and DELETED with its time", async () => {
        const user = await aFundedUser();
        const server = await placed(aServer(user.id));
        // Usage is settled at each change: times follow the order, as a real clock would.
        const later = (seconds: number) => new Date(server.createdAt.getTime() + seconds * 1000);
        await kit.repo.change({ serverId: server.id, from: ["PENDING"], to: "PROVISIONING", at: later(0) });
        const fields = await kit.repo.change({
          serverId: server.id,
          from: ["PROVISIONING"],
          to: "PROVISIONING",
          changes: { providerServerId: "do-12345" },
          at: later(1),
        });
        expect(fields).toMatchObject({
          status: "CHANGED",
          change: null,
          server: { version: 3, providerServerId: "do-12345" },
        });
        const active = await kit.repo.change({
          serverId: server.id,
          from: ["PROVISIONING"],
          to: "ACTIVE",
          changes: { ipv4: "203.0.113.7", ipv6: "2001:db8::7" },
          at: later(2),
        });
        expect(active).toMatchObject({ server: { status: "ACTIVE", ipv4: "203.0.113.7", version: 4 } });
        // Another server may not claim the same provider server: the use case is told so by name.
        const other = await placed(aServer(user.id));
        const taken = kit.repo.change({
          serverId: other.id,
          from: ["PENDING"],
          to: "PENDING",
          changes: { providerServerId: "do-12345" },
          at: later(3),
        });
        await expect(taken).rejects.toBeInstanceOf(ProviderServerIdTaken);
        await expect(taken).rejects.toMatchObject({ providerServerId: "do-12345" });
        expect((await kit.repo.findById(other.id))?.providerServerId).toBeNull();
        const deletedAt = new Date("2026-03-22T00:00:00.000Z");
        await kit.repo.change({ serverId: server.id, from: ["ACTIVE"], to: "DELETING", at: deletedAt });
        const deleted = await kit.repo.change({
          serverId: server.id,
          from: ["DELETING"],
          to: "DELETED",
          at: deletedAt,
        });
        expect(deleted).toMatchObject({ server: { status: "DELETED", deletedAt } });
        expect((await kit.repo.history(server.id)).map((h) => h.status)).toEqual([
          "PENDING",
          "PROVISIONING",
          "ACTIVE",
          "DELETING",
          "DELETED",
        ]);
        expect(await kit.repo.listLive(user.id, 10)).toEqual([await kit.repo.findById(other.id)]);
      });

      it("posts a refund with a FAILED change, once, and answers STALE for unknown servers", async () => {
        const user = await aFundedUser();
        const server = await placed(aServer(user.id), { charge: 11_000n });
        const refund = serverFailureRefund({
          id: randomUUID(),
          serverId: server.id,
          userId: user.id,
          serverName: server.name,
          amount: Rial.of(11_000n),
          at: new Date(),
        });
        const failed = await kit.repo.change({
          serverId: server.id,
          from: ["PENDING", "PROVISIONING"],
          to: "FAILED",
          changes: { failureReason: "provider said no" },
          reason: "provider said no",
          at: new Date(),
          ledger: refund,
        });
        expect(failed).toMatchObject({
          status: "CHANGED",
          change: { status: "FAILED", reason: "provider said no" },
        });
        expect(await kit.ledger.balance(user.id)).toEqual(Rial.of(1_000_000n));
        const again = await kit.repo.change({
          serverId: server.id,
          from: ["PENDING"],
          to: "FAILED",
          at: new Date(),
          ledger: refund,
        });
        expect(again).toEqual({ status: "STALE", server: await kit.repo.findById(server.id) });
        expect(
          await kit.repo.change({ serverId: randomUUID(), from: ["PENDING"], to: "FAILED", at: new Date() }),
        ).toEqual({
          status: "STALE",
          server: null,
        });
        expect(
          await kit.repo.change({ serverId: "nope", from: ["PENDING"], to: "FAILED", at: new Date() }),
        ).toEqual({
          status: "STALE",
          server: null,
        });
      });
    },
  );
}
