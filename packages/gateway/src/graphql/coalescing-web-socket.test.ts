import { once } from "node:events";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { CoalescingWebSocket, SOCKETS_PER_WRITE } from "./coalescing-web-socket.ts";

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server socket and a client, with every write the server's TCP socket makes counted. */
async function connected() {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1", WebSocket: CoalescingWebSocket });
  servers.push(server);
  await once(server, "listening");
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: string[] = [];
  client.on("message", (data) => received.push(String(data)));
  const [socket, request] = (await once(server, "connection")) as [CoalescingWebSocket, { socket: Socket }];
  socket.coalesceOn(request.socket);
  const writes: number[] = [];
  const tcp = request.socket as Socket & {
    _writev: (chunks: unknown[], callback: () => void) => void;
    _write: (chunk: unknown, encoding: string, callback: () => void) => void;
  };
  const writev = tcp._writev.bind(tcp);
  const write = tcp._write.bind(tcp);
  tcp._writev = (chunks, callback) => (writes.push(chunks.length), writev(chunks, callback));
  tcp._write = (chunk, encoding, callback) => (writes.push(1), write(chunk, encoding, callback));
  return { socket, client, received, writes };
}

const sendAsGraphQLWsDoes = (socket: WebSocket, data: string) =>
  new Promise<void>((resolve, reject) => socket.send(data, (error) => (error ? reject(error) : resolve())));

describe("CoalescingWebSocket", () => {
  it("sends frames that follow one another's callbacks within a turn in one write", async () => {
    const { socket, client, received, writes } = await connected();
    const arrived = new Promise<void>((resolve) =>
      client.on("message", () => received.length === 3 && resolve()),
    );
    await sendAsGraphQLWsDoes(socket, "first");
    await sendAsGraphQLWsDoes(socket, "second");
    await sendAsGraphQLWsDoes(socket, "third");
    await arrived;
    expect(received).toEqual(["first", "second", "third"]);
    // Three frames of a header and a payload each, in one writev.
    expect(writes).toEqual([6]);
  });

  it("writes a fan-out to many sockets in batches, the first before the last socket is sent to", async () => {
    const sockets = await Promise.all(Array.from({ length: SOCKETS_PER_WRITE + 1 }, () => connected()));
    const arrived = sockets.map(
      ({ client, received }) =>
        new Promise<void>((resolve) => client.on("message", () => received.length === 1 && resolve())),
    );
    for (const { socket } of sockets.slice(0, SOCKETS_PER_WRITE)) socket.send("event", () => undefined);
    // Still in the same turn: the first batch is written, the socket past it waits for the turn's end.
    expect(sockets[0]!.writes).toEqual([2]);
    expect(sockets[SOCKETS_PER_WRITE - 1]!.writes).toEqual([2]);
    sockets[SOCKETS_PER_WRITE]!.socket.send("event", () => undefined);
    expect(sockets[SOCKETS_PER_WRITE]!.writes).toEqual([]);
    await Promise.all(arrived);
    for (const { received, writes } of sockets) {
      expect(received).toEqual(["event"]);
      expect(writes).toEqual([2]);
    }
  });

  it("writes each socket's frames of a turn at once when many sockets were sent to", async () => {
    const sockets = await Promise.all([connected(), connected(), connected()]);
    const arrived = sockets.map(
      ({ client, received }) =>
        new Promise<void>((resolve) => client.on("message", () => received.length === 2 && resolve())),
    );
    await Promise.all(sockets.map(({ socket }) => sendAsGraphQLWsDoes(socket, "event")));
    await Promise.all(sockets.map(({ socket }) => sendAsGraphQLWsDoes(socket, "next event")));
    await Promise.all(arrived);
    for (const { received, writes } of sockets) {
      expect(received).toEqual(["event", "next event"]);
      expect(writes).toEqual([4]);
    }
  });

  it("waits for the write when much is buffered, so a slow reader still holds the sender back", async () => {
    const { socket, client, received } = await connected();
    const large = "x".repeat(64 * 1024);
    await sendAsGraphQLWsDoes(socket, large);
    let sent = false;
    const next = sendAsGraphQLWsDoes(socket, "after").then(() => (sent = true));
    // Frames queued at once would have resolved by now; this one waits for the write after the turn.
    for (let turn = 0; turn < 10; turn++) await Promise.resolve();
    expect(sent).toBe(false);
    await next;
    await new Promise<void>((resolve) => client.on("message", () => received.length === 2 && resolve()));
    expect(received.map((message) => message.length)).toEqual([large.length, "after".length]);
  });
});
