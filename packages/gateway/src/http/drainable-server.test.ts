import type { IncomingMessage, ServerResponse } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { beforeEach, describe, expect, it } from "vitest";
import { createDrainableServer, type DrainableServer } from "./drainable-server.ts";

const REQUEST = "POST / HTTP/1.1\r\nhost: test\r\ncontent-length: 2\r\n\r\n{}";

/** A raw client: what arrived, and how the connection ended (FIN or error), as the wire tells it. */
function rawClient(port: number) {
  // Half-open allowed: the client may still send after our FIN, as one does that has not seen it yet.
  const socket: Socket = connect({ port, host: "127.0.0.1", allowHalfOpen: true });
  let received = "";
  let error: string | null = null;
  socket.setEncoding("latin1");
  socket.on("data", (chunk: string) => (received += chunk));
  socket.on("error", (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
  const ended = new Promise<void>((resolve) => socket.once("end", resolve));
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  const nextAnswer = async (body: string) => {
    while (!received.endsWith(body)) await new Promise((resolve) => socket.once("data", resolve));
  };
  return { socket, ended, closed, nextAnswer, received: () => received, error: () => error };
}

describe("createDrainableServer", () => {
  let drainable: DrainableServer;
  let handled: string[];
  let held: (() => void)[];
  let port: number;

  const start = async (handler: (req: IncomingMessage, res: ServerResponse) => void) => {
    drainable = createDrainableServer(handler);
    await new Promise<void>((resolve) => drainable.server.listen(0, "127.0.0.1", resolve));
    port = (drainable.server.address() as AddressInfo).port;
  };
  /** Answers "done" once its entry in `held` is called. */
  const heldHandler = (arrived: () => void) => (req: IncomingMessage, res: ServerResponse) => {
    handled.push(req.url ?? "");
    held.push(() => res.end("done"));
    arrived();
  };

  beforeEach(() => {
    handled = [];
    held = [];
  });

  it("answers a request it holds when the drain begins, whole, with Connection: close", async () => {
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    await start(heldHandler(arrived));
    const client = rawClient(port);
    client.socket.write(REQUEST);
    await arrival;

    const drained = drainable.drain();
    held[0]!();
    await client.ended;
    await drained;

    expect(client.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(client.received().toLowerCase()).toContain("\r\nconnection: close\r\n");
    expect(client.received()).toMatch(/\r\n\r\ndone$/);
    expect(client.error()).toBeNull();
  });

  it("closes an idle keep-alive connection with a FIN and drops, unanswered, a request that crosses it", async () => {
    await start((req, res) => {
      handled.push(req.url ?? "");
      res.end("done");
    });
    const client = rawClient(port);
    client.socket.write(REQUEST);
    await client.nextAnswer("done");
    expect(client.received().toLowerCase()).toContain("connection: keep-alive");

    const drained = drainable.drain();
    await client.ended;
    const before = client.received();
    // On the wire as if it had crossed our FIN: read and dropped, not answered with a reset.
    client.socket.end(REQUEST);
    await client.closed;
    await drained;

    expect(client.received()).toBe(before);
    expect(client.error()).toBeNull();
    expect(handled).toHaveLength(1);
    const late = connect(port, "127.0.0.1");
    const refused = await new Promise<string>((resolve) =>
      late.once("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "")),
    );
    expect(refused).toBe("ECONNREFUSED");
  });
});
