import { testDatabases } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ed25519PublicKey } from "./support/ssh-public-key.ts";
import { createTestSdk, rejectionOf } from "./support/sdk-client.ts";
import { orderAccepted, orderInput, signedUpCustomer } from "./support/server-customers.ts";
import { useWalletAppWithAdmin } from "./support/wallet-app-rig.ts";

const PASSWORD = "correct horse battery";
const toGlobalId = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString("base64url");

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`servers over GraphQL on ${target.name}`, () => {
    const rig = useWalletAppWithAdmin(target, PASSWORD);

    /** A signed-up customer, with money in the wallet unless told otherwise. */
    const customer = (balance?: string) => signedUpCustomer(rig.t.app.url, rig.admin, PASSWORD, balance);
    const order = orderAccepted;

    it("serves the catalog to anyone: regions, images, plans priced in rials", async () => {
      const visitor = createTestSdk(rig.t.app.url);
      const { regions } = await visitor.Regions();
      expect(regions.map((region) => region.id).sort()).toEqual(
        [
          "do-ams3",
          "do-fra1",
          "do-nyc3",
          "hz-fsn1",
          "hz-hel1",
          "hz-nbg1",
          "ovh-gra11",
          "ovh-sbg5",
          "ovh-waw1",
        ].sort(),
      );
      expect(regions.find((region) => region.id === "hz-hel1")).toMatchObject({
        provider: "HETZNER",
        country: "FI",
        city: "Helsinki",
        isAvailable: true,
      });
      const { images } = await visitor.Images();
      expect(images.map((image) => image.id).sort()).toEqual(["debian-12", "ubuntu-24.04"]);

      const { plans } = await visitor.Plans();
      expect(plans).toHaveLength(9);
      for (const plan of plans) {
        expect(plan.hourlyPrice).toMatch(/^[1-9][0-9]*$/);
        expect(plan.monthlyPrice).toMatch(/^[1-9][0-9]*$/);
        expect(BigInt(plan.hourlyPrice)).toBeLessThan(BigInt(plan.monthlyPrice));
      }
      const inFalkenstein = (await visitor.Plans({ regionId: "hz-fsn1" })).plans;
      expect(inFalkenstein.map((plan) => plan.id).sort()).toEqual(["hz-cx22", "hz-cx32", "hz-cx42"]);
      expect(inFalkenstein.find((plan) => plan.id === "hz-cx32")).toMatchObject({
        provider: "HETZNER",
        vcpus: 4,
        memoryMb: 8192,
        diskGb: 80,
      });
      expect(inFalkenstein[0]!.regions.map((region) => region.id).sort()).toEqual([
        "hz-fsn1",
        "hz-hel1",
        "hz-nbg1",
      ]);
      expect((await visitor.Plans({ regionId: "nowhere" })).plans).toEqual([]);
    });

    it("orders a server: PENDING, charged once for a repeated key, visible by id, node and list", async () => {
      const { client } = await customer();
      const input = orderInput({ name: "db-1", planId: "do-s-1vcpu-2gb", regionId: "do-ams3" });
      const { orderServer } = await client.OrderServer({ input });
      expect(orderServer.userErrors).toEqual([]);
      const server = orderServer.server!;
      expect(server).toMatchObject({
        name: "db-1",
        status: "PENDING",
        provider: "DIGITALOCEAN",
        ipv4: null,
        plan: { id: "do-s-1vcpu-2gb" },
        region: { id: "do-ams3" },
        image: { id: "ubuntu-24.04" },
      });
      const { viewer: before } = await client.Wallet();
      const again = await client.OrderServer({ input });
      expect(again.orderServer.server?.id).toBe(server.id);
      expect((await client.Wallet()).viewer!.wallet.balance).toBe(before!.wallet.balance);
      expect(BigInt(before!.wallet.balance)).toBeLessThan(500000000n);
      const reused = await client.OrderServer({ input: { ...input, name: "db-2" } });
      expect(reused.orderServer.userErrors.map((e) => e.code)).toEqual(["IDEMPOTENCY_KEY_REUSED"]);

      expect((await client.Server({ id: server.id })).server).toEqual(server);
      expect((await client.ServerNode({ id: server.id })).node).toEqual(server);
      const { servers } = await client.Servers({ first: 10 });
      expect(servers.edges.map((edge) => edge.node.id)).toEqual([server.id]);
      const { server: withHistory } = await client.ServerHistory({ id: server.id });
      expect(withHistory!.history).toEqual([
        expect.objectContaining({ status: "PENDING", previousStatus: null }),
      ]);
    });

    it("refuses bad orders with typed userErrors", async () => {
      const { client } = await customer();
      const codes = async (overrides: Record<string, unknown>, who = client) =>
        (await who.OrderServer({ input: orderInput(overrides) })).orderServer.userErrors.map((e) => e.code);
      expect(await codes({ planId: "no-such-plan" })).toEqual(["PLAN_NOT_FOUND"]);
      expect(await codes({ regionId: "no-such-region" })).toEqual(["REGION_NOT_FOUND"]);
      expect(await codes({ imageId: "windows-95" })).toEqual(["IMAGE_NOT_FOUND"]);
      expect(await codes({ planId: "do-s-1vcpu-1gb", regionId: "hz-fsn1" })).toEqual(["PLAN_UNAVAILABLE"]);
      expect(await codes({ name: "not a hostname!" })).toEqual(["INVALID_NAME"]);
      expect(await codes({ name: "-leading-hyphen" })).toEqual(["INVALID_NAME"]);
      expect(await codes({ idempotencyKey: "" })).toEqual(["INVALID_IDEMPOTENCY_KEY"]);
      expect(await codes({ sshKeyIds: ["garbage"] })).toEqual(["SSH_KEY_NOT_FOUND"]);
      expect(await codes({ sshKeyIds: [toGlobalId("Server", randomUUID())] })).toEqual(["SSH_KEY_NOT_FOUND"]);
      expect(await codes({ sshKeyIds: [toGlobalId("SshKey", randomUUID())] })).toEqual(["SSH_KEY_NOT_FOUND"]);
      const broke = await customer("0");
      expect(await codes({}, broke.client)).toEqual(["INSUFFICIENT_FUNDS"]);
      expect((await broke.client.Servers({ first: 10 })).servers.edges).toEqual([]);

      const anonymous = createTestSdk(rig.t.app.url);
      expect((await rejectionOf(anonymous.OrderServer({ input: orderInput() }))).codes).toEqual([
        "UNAUTHENTICATED",
      ]);
      expect((await rejectionOf(anonymous.Servers({ first: 1 }))).codes).toEqual(["UNAUTHENTICATED"]);
    });

    it("answers every server mutation with SERVER_NOT_FOUND for bad, wrong-type and others' ids", async () => {
      const a = await customer();
      const b = await customer();
      const theirs = await order(a.client);
      const ids = ["garbage", "", b.id, toGlobalId("Server", randomUUID()), theirs.id];
      for (const serverId of ids) {
        const calls = [
          b.client.PowerOffServer({ input: { serverId } }).then((r) => r.powerOffServer),
          b.client.PowerOnServer({ input: { serverId } }).then((r) => r.powerOnServer),
          b.client.RebootServer({ input: { serverId } }).then((r) => r.rebootServer),
          b.client.RebuildServer({ input: { serverId, imageId: "debian-12" } }).then((r) => r.rebuildServer),
          b.client.ResizeServer({ input: { serverId, planId: "hz-cx32" } }).then((r) => r.resizeServer),
          b.client.DeleteServer({ input: { serverId } }).then((r) => r.deleteServer),
        ];
        for (const payload of await Promise.all(calls)) {
          expect(payload.server).toBeNull();
          expect(payload.userErrors).toEqual([
            { field: ["input", "serverId"], code: "SERVER_NOT_FOUND", message: expect.any(String) },
          ]);
        }
      }
      // Nothing of A's leaks to B, and A's server did not move.
      expect((await b.client.Server({ id: theirs.id })).server).toBeNull();
      expect((await b.client.ServerNode({ id: theirs.id })).node).toBeNull();
      expect((await b.client.Servers({ first: 100 })).servers.edges).toEqual([]);
      expect((await a.client.Server({ id: theirs.id })).server).toMatchObject({
        status: "PENDING",
        pendingOperation: null,
      });
    });

    it("refuses operations the server's state does not allow, in the caller's language", async () => {
      const { client } = await customer();
      const server = await order(client);
      const serverId = server.id;
      expect((await client.PowerOffServer({ input: { serverId } })).powerOffServer.userErrors[0]?.code).toBe(
        "ILLEGAL_STATE",
      );
      expect((await client.PowerOnServer({ input: { serverId } })).powerOnServer.userErrors[0]?.code).toBe(
        "ILLEGAL_STATE",
      );
      expect((await client.RebootServer({ input: { serverId } })).rebootServer.userErrors[0]?.code).toBe(
        "ILLEGAL_STATE",
      );
      const persian = createTestSdk(rig.t.app.url, {
        session: client.tokens(),
        headers: { "accept-language": "fa" },
      });
      const { rebootServer } = await persian.RebootServer({ input: { serverId } });
      expect(rebootServer.userErrors[0]).toMatchObject({
        code: "ILLEGAL_STATE",
        message: expect.stringMatching(/سرور/),
      });

      const { deleteServer } = await client.DeleteServer({ input: { serverId } });
      expect(deleteServer.userErrors).toEqual([]);
      expect(deleteServer.server).toMatchObject({
        id: serverId,
        status: "DELETING",
        pendingOperation: "DELETE",
      });
      const twice = await client.DeleteServer({ input: { serverId } });
      expect(twice.deleteServer.userErrors.map((e) => e.code)).toEqual(["OPERATION_IN_PROGRESS"]);
    });

    it("pages the servers connection with keyset cursors both ways, and filters by status", async () => {
      const { client } = await customer();
      const ordered = [];
      for (let i = 1; i <= 5; i++) ordered.push((await order(client, { name: `node-${i}` })).id);
      const newestFirst = [...ordered].reverse();
      const page1 = (await client.Servers({ first: 2 })).servers;
      expect(page1.edges.map((edge) => edge.node.id)).toEqual(newestFirst.slice(0, 2));
      expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const page2 = (await client.Servers({ first: 2, after: page1.pageInfo.endCursor })).servers;
      expect(page2.edges.map((edge) => edge.node.id)).toEqual(newestFirst.slice(2, 4));
      const page3 = (await client.Servers({ first: 2, after: page2.pageInfo.endCursor })).servers;
      expect(page3.edges.map((edge) => edge.node.id)).toEqual(newestFirst.slice(4));
      expect(page3.pageInfo.hasNextPage).toBe(false);
      const back = (await client.Servers({ last: 2, before: page3.pageInfo.startCursor })).servers;
      expect(back.edges.map((edge) => edge.node.id)).toEqual(newestFirst.slice(2, 4));
      expect(back.pageInfo.hasPreviousPage).toBe(true);
      const oldest = (await client.Servers({ last: 2 })).servers;
      expect(oldest.edges.map((edge) => edge.node.id)).toEqual(newestFirst.slice(3));

      await client.DeleteServer({ input: { serverId: ordered[0]! } });
      const deleting = (await client.Servers({ first: 10, filter: { statuses: ["DELETING"] } })).servers;
      expect(deleting.edges.map((edge) => edge.node.id)).toEqual([ordered[0]]);
      const pending = (await client.Servers({ first: 10, filter: { statuses: ["PENDING", "ACTIVE"] } }))
        .servers;
      expect(pending.edges.map((edge) => edge.node.id)).toEqual(newestFirst.slice(0, 4));

      for (const args of [
        {},
        { first: 0 },
        { first: 101 },
        { first: 1, last: 1 },
        { first: 1, after: "nope" },
      ]) {
        expect((await rejectionOf(client.Servers(args))).codes).toEqual(["BAD_USER_INPUT"]);
      }
    });

    it("keeps SSH keys per account and installs them on order", async () => {
      const a = await customer();
      const b = await customer();
      const publicKey = ed25519PublicKey();
      const { addSshKey } = await a.client.AddSshKey({ input: { name: "laptop", publicKey } });
      expect(addSshKey.userErrors).toEqual([]);
      const key = addSshKey.sshKey!;
      expect(key).toMatchObject({ name: "laptop", publicKey: publicKey.split(" ").slice(0, 2).join(" ") });
      expect(key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
      expect((await a.client.SshKeys()).sshKeys).toEqual([key]);
      expect((await b.client.SshKeys()).sshKeys).toEqual([]);

      const again = await a.client.AddSshKey({ input: { name: "same", publicKey } });
      expect(again.addSshKey.userErrors.map((e) => e.code)).toEqual(["DUPLICATE_SSH_KEY"]);
      const bad = await a.client.AddSshKey({ input: { name: "bad", publicKey: "ssh-ed25519 not-base64!" } });
      expect(bad.addSshKey.userErrors.map((e) => e.code)).toEqual(["INVALID_PUBLIC_KEY"]);

      expect(
        (
          await b.client.OrderServer({ input: orderInput({ sshKeyIds: [key.id] }) })
        ).orderServer.userErrors.map((e) => e.code),
      ).toEqual(["SSH_KEY_NOT_FOUND"]);
      await order(a.client, { sshKeyIds: [key.id] });

      const notMine = await b.client.DeleteSshKey({ input: { sshKeyId: key.id } });
      expect(notMine.deleteSshKey.userErrors.map((e) => e.code)).toEqual(["SSH_KEY_NOT_FOUND"]);
      const garbage = await a.client.DeleteSshKey({ input: { sshKeyId: "garbage" } });
      expect(garbage.deleteSshKey.userErrors.map((e) => e.code)).toEqual(["SSH_KEY_NOT_FOUND"]);
      const deleted = await a.client.DeleteSshKey({ input: { sshKeyId: key.id } });
      expect(deleted.deleteSshKey).toEqual({ deletedSshKeyId: key.id, userErrors: [] });
      expect((await a.client.SshKeys()).sshKeys).toEqual([]);
    });

    it("lets only an ADMIN set a customer's server quota, which the next order meets", async () => {
      const { client, id } = await customer();
      const input = { userId: id, limit: 1 };
      expect((await rejectionOf(client.SetServerQuota({ input }))).codes).toEqual(["FORBIDDEN"]);
      const { setServerQuota } = await rig.admin.SetServerQuota({ input });
      expect(setServerQuota).toEqual({ user: { id }, serverLimit: 1, userErrors: [] });
      await order(client);
      const over = await client.OrderServer({ input: orderInput() });
      expect(over.orderServer.userErrors.map((e) => e.code)).toEqual(["QUOTA_EXCEEDED"]);
      const unknown = await rig.admin.SetServerQuota({ input: { userId: "garbage", limit: 3 } });
      expect(unknown.setServerQuota.userErrors.map((e) => e.code)).toEqual(["USER_NOT_FOUND"]);
      const reset = await rig.admin.SetServerQuota({ input: { userId: id, limit: null } });
      expect(reset.setServerQuota.userErrors).toEqual([]);
      expect((await client.OrderServer({ input: orderInput() })).orderServer.userErrors).toEqual([]);
    });
  });
}
