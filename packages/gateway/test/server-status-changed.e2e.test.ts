import { testDatabases } from "@peykarband/infrastructure/testing";
import {
  ServerStatusChangedDocument,
  SubscriptionError,
  type ServerStatusChangedSubscription,
} from "@peykarband/sdk";
import { describe, expect, it } from "vitest";
import { createTestSdk, type TestSdkClient } from "./support/sdk-client.ts";
import { orderAccepted, signedUpCustomer } from "./support/server-customers.ts";
import { useWalletAppWithAdmin } from "./support/wallet-app-rig.ts";

const PASSWORD = "correct horse battery";

type StatusEvent = ServerStatusChangedSubscription["serverStatusChanged"];

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`serverStatusChanged over GraphQL on ${target.name}`, () => {
    const rig = useWalletAppWithAdmin(target, PASSWORD);

    /** A signed-up customer, with money in the wallet unless told otherwise. */
    const customer = (balance?: string) => signedUpCustomer(rig.t.app.url, rig.admin, PASSWORD, balance);
    const order = orderAccepted;

    describe("serverStatusChanged", () => {
      const watch = (client: TestSdkClient, serverId?: string) =>
        client.subscribe<ServerStatusChangedSubscription>(
          ServerStatusChangedDocument,
          serverId === undefined ? {} : { serverId },
        );
      const nextEvent = async (events: AsyncIterableIterator<ServerStatusChangedSubscription>) => {
        const result = await events.next();
        if (result.done) throw new Error("the subscription ended");
        return result.value.serverStatusChanged;
      };

      it("opens with the stored state, then sends each change with the server read fresh", async () => {
        const { client } = await customer();
        const server = await order(client);
        const events = watch(client, server.id);
        try {
          const opening = await nextEvent(events);
          expect(opening).toMatchObject({
            status: "PENDING",
            previousStatus: null,
            server: { id: server.id, status: "PENDING", plan: { id: "hz-cx22" } },
          });
          await client.DeleteServer({ input: { serverId: server.id } });
          const change: StatusEvent = await nextEvent(events);
          expect(change).toMatchObject({
            status: "DELETING",
            previousStatus: "PENDING",
            server: { id: server.id, status: "DELETING", pendingOperation: "DELETE" },
          });
          expect(Date.parse(change.occurredAt)).toBeGreaterThanOrEqual(Date.parse(opening.occurredAt));
        } finally {
          await events.return!();
          await client.dispose();
        }
      });

      it("without serverId follows every server of the viewer, new ones included", async () => {
        const { client } = await customer();
        const first = await order(client, { name: "one" });
        const other = await customer();
        const events = watch(client);
        try {
          expect(await nextEvent(events)).toMatchObject({ status: "PENDING", server: { id: first.id } });
          await order(other.client);
          const second = await order(client, { name: "two" });
          expect(await nextEvent(events)).toMatchObject({
            status: "PENDING",
            previousStatus: null,
            server: { id: second.id, name: "two" },
          });
        } finally {
          await events.return!();
          await client.dispose();
          await other.client.dispose();
        }
      });

      it("refuses anonymous callers, others' servers and ids that are not a Server's", async () => {
        const a = await customer();
        const b = await customer();
        const theirs = await order(a.client);
        const refusal = async (client: TestSdkClient, serverId?: string) => {
          try {
            await watch(client, serverId).next();
          } catch (error) {
            if (error instanceof SubscriptionError) return error.errors.map((e) => e.extensions?.["code"]);
            throw error;
          }
          throw new Error("expected the subscription to be refused");
        };
        try {
          expect(await refusal(createTestSdk(rig.t.app.url), theirs.id)).toEqual(["UNAUTHENTICATED"]);
          expect(await refusal(b.client, theirs.id)).toEqual(["NOT_FOUND"]);
          expect(await refusal(b.client, b.id)).toEqual(["NOT_FOUND"]);
          expect(await refusal(b.client, "garbage")).toEqual(["NOT_FOUND"]);
          // B watching all of theirs sees nothing of A's, even when A's server changes.
          const mine = await order(b.client);
          const events = watch(b.client);
          expect(await nextEvent(events)).toMatchObject({ server: { id: mine.id } });
          await a.client.DeleteServer({ input: { serverId: theirs.id } });
          await b.client.DeleteServer({ input: { serverId: mine.id } });
          expect(await nextEvent(events)).toMatchObject({ status: "DELETING", server: { id: mine.id } });
          await events.return!();
        } finally {
          await a.client.dispose();
          await b.client.dispose();
        }
      });

      it("caps the subscriptions of one connection", async () => {
        const { client } = await customer();
        const server = await order(client);
        const open: AsyncIterableIterator<ServerStatusChangedSubscription>[] = [];
        try {
          for (let i = 0; i < 20; i++) {
            const events = watch(client, server.id);
            await nextEvent(events);
            open.push(events);
          }
          const error = await watch(client, server.id)
            .next()
            .then(
              () => null,
              (caught: unknown) => caught,
            );
          expect(error).toBeInstanceOf(SubscriptionError);
          expect((error as SubscriptionError).errors[0]?.extensions?.["code"]).toBe("TOO_MANY_SUBSCRIPTIONS");
          // Completing one frees its slot.
          await open.pop()!.return!();
          const again = watch(client, server.id);
          expect(await nextEvent(again)).toMatchObject({ server: { id: server.id } });
          open.push(again);
        } finally {
          for (const events of open) await events.return!();
          await client.dispose();
        }
      });
    });
  });
}
