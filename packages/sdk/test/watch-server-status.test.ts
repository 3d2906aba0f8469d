import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { createPeykarbandClient, type ServerStatus } from "../src/index.ts";
import { fakeApi } from "./fake-api.ts";
import { startStatusFeedServer } from "./status-feed-server.ts";

const server = (status: ServerStatus) => ({
  id: "srv-1",
  name: "web-1",
  status,
  provider: "HETZNER",
  ipv4: null,
  ipv6: null,
  pendingOperation: null,
  failureReason: null,
  createdAt: "2026-12-01T10:00:00.000Z",
  updatedAt: "2026-12-01T10:05:00.000Z",
  plan: { id: "p", name: "cx22" },
  region: { id: "r", name: "Nuremberg" },
  image: { id: "i", name: "Ubuntu 24.04" },
});
const change = (status: ServerStatus, previousStatus: ServerStatus | null) => ({
  status,
  previousStatus,
  occurredAt: "2026-12-01T10:06:00.000Z",
  server: server(status),
});

describe("watchServerStatus", () => {
  let feed: Awaited<ReturnType<typeof startStatusFeedServer>>;
  beforeAll(async () => {
    feed = await startStatusFeedServer();
  });
  afterAll(() => feed?.close());

  it("after a lost connection, yields the state read over HTTP, then streams on", async () => {
    let stored: ServerStatus = "PROVISIONING";
    const api = fakeApi(() => ({ body: { data: { server: server(stored) } } }));
    const client = createPeykarbandClient({
      url: feed.url,
      fetch: api.fetch,
      webSocketImpl: WebSocket,
      webSocketOptions: { retryAttempts: 3, retryWait: async () => {}, shouldRetry: () => true },
    });
    const controller = new AbortController();
    const events = client.watchServerStatus("srv-1", controller.signal);
    try {
      const first = events.next();
      await vi.waitFor(() => expect(feed.subscriberCount()).toBe(1));
      feed.publish(change("PROVISIONING", "PENDING"));
      expect((await first).value).toMatchObject({ status: "PROVISIONING", previousStatus: "PENDING" });
      expect(api.sent).toHaveLength(0);

      // The server comes up while the client is cut off: the event is lost with the connection.
      feed.dropConnections();
      stored = "ACTIVE";
      const resumed = await events.next();
      expect(resumed.value).toMatchObject({
        status: "ACTIVE",
        previousStatus: "PROVISIONING",
        occurredAt: server("ACTIVE").updatedAt,
        server: { id: "srv-1", status: "ACTIVE" },
      });
      expect(api.sent.map((request) => [request.operationName, request.variables])).toEqual([
        ["Server", { id: "srv-1" }],
      ]);

      // Subscribed again: an opening event restating ACTIVE is skipped, changes come through.
      const next = events.next();
      await vi.waitFor(() => expect(feed.subscriberCount()).toBe(1));
      feed.publish(change("ACTIVE", null));
      feed.publish(change("OFF", "ACTIVE"));
      expect((await next).value).toMatchObject({ status: "OFF", previousStatus: "ACTIVE" });

      const pending = events.next();
      controller.abort();
      expect(await pending).toEqual({ done: true, value: undefined });
      await vi.waitFor(() => expect(feed.subscriberCount()).toBe(0));
    } finally {
      await client.dispose();
    }
  });

  it("stops the subscription when the caller returns", async () => {
    const client = createPeykarbandClient({ url: feed.url, webSocketImpl: WebSocket });
    try {
      const events = client.watchServerStatus("srv-1");
      const first = events.next();
      await vi.waitFor(() => expect(feed.subscriberCount()).toBe(1));
      feed.publish(change("ACTIVE", null));
      expect((await first).value).toMatchObject({ status: "ACTIVE", previousStatus: null });
      await events.return!();
      await vi.waitFor(() => expect(feed.subscriberCount()).toBe(0));
    } finally {
      await client.dispose();
    }
  });
});
