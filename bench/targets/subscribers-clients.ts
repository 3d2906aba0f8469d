/**
 * The subscribers suite's client side: many WebSocket clients in one process, each recording every
 * frame it receives with wallClock() and nothing more (parsing waits until the round is over, so
 * the client adds as little as it can to the latency it measures). The graphql-ws client speaks
 * the protocol (graphql-transport-ws) directly over `ws`, the same library the baseline's plain
 * clients use, so the two differ only in what the servers do.
 */
import WebSocket from "ws";
import { wallClock } from "./subscribers-control.ts";

export interface Received {
  readonly at: number;
  readonly data: WebSocket.RawData;
}

export interface ClientPool {
  /** Every frame received since the last take(), in arrival order. */
  take(): Received[];
  /** Frames the server ended a subscription with (`error`, `complete`) or closes seen: must stay 0. */
  readonly failures: string[];
  close(): void;
}

const opened = (socket: WebSocket) =>
  new Promise<void>((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });

/** Runs `open(i)` for i in [0, count) with at most `parallel` at a time. */
async function inBatches(count: number, parallel: number, open: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) await open(next++);
    }),
  );
}

function pool(sockets: WebSocket[], received: Received[], failures: string[]): ClientPool {
  return {
    take: () => received.splice(0),
    failures,
    close: () =>
      sockets.forEach((socket) => {
        // Closing them ourselves is no failure.
        socket.removeAllListeners("close");
        socket.terminate();
      }),
  };
}

/**
 * `count` graphql-ws clients, client i authenticated as `tokens[i % tokens.length]`, each running
 * `query`; one is ready once it has received the `opening` events its stream starts with.
 */
export async function openGraphQLSubscribers(options: {
  url: string;
  tokens: readonly string[];
  count: number;
  query: string;
  opening: number;
  parallel: number;
}): Promise<ClientPool> {
  const sockets: WebSocket[] = [];
  const received: Received[] = [];
  const failures: string[] = [];
  await inBatches(options.count, options.parallel, async (i) => {
    const socket = new WebSocket(options.url, "graphql-transport-ws");
    sockets.push(socket);
    await opened(socket);
    let live = false;
    await new Promise<void>((resolve, reject) => {
      let opening = 0;
      socket.on("close", (code) => {
        failures.push(`socket ${i} closed: ${code}`);
        reject(new Error(`socket ${i} closed: ${code}`));
      });
      socket.on("message", (data) => {
        if (live) {
          received.push({ at: wallClock(), data });
          return;
        }
        const message = JSON.parse(data.toString()) as { type: string; payload?: unknown };
        if (message.type === "connection_ack") {
          socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: options.query } }));
        } else if (message.type === "next" && ++opening === options.opening) {
          live = true;
          resolve();
        } else if (message.type !== "next") {
          failures.push(`socket ${i}: ${data.toString()}`);
          reject(new Error(`socket ${i}: ${data.toString()}`));
        }
      });
      const authorization = `Bearer ${options.tokens[i % options.tokens.length]!}`;
      socket.send(JSON.stringify({ type: "connection_init", payload: { authorization } }));
    });
  });
  return pool(sockets, received, failures);
}

/** `count` plain ws clients, client i in the baseline's group `i % users`. */
export async function openPlainSubscribers(options: {
  url: string;
  users: number;
  count: number;
  parallel: number;
}): Promise<ClientPool> {
  const sockets: WebSocket[] = [];
  const received: Received[] = [];
  const failures: string[] = [];
  await inBatches(options.count, options.parallel, async (i) => {
    const socket = new WebSocket(`${options.url}?user=${i % options.users}`);
    sockets.push(socket);
    socket.on("message", (data) => received.push({ at: wallClock(), data }));
    socket.on("close", (code) => failures.push(`socket ${i} closed: ${code}`));
    await opened(socket);
  });
  return pool(sockets, received, failures);
}
