/**
 * What both subscriber-benchmark targets share: a wall clock that two processes on one machine
 * can compare below a millisecond, a garbage-collected memory reading, and a small control server
 * the suite drives them through (the targets' own ports carry only WebSocket traffic).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Milliseconds since the epoch with sub-millisecond resolution. */
export const wallClock = (): number => performance.timeOrigin + performance.now();

/** One message as both targets send it and the suite matches it: `${serverId}|${occurredAt}`. */
export interface StatusMessage {
  readonly user: number;
  readonly serverId: string;
  readonly status: string;
  readonly previousStatus: string;
  readonly occurredAt: string;
}

export interface SentMessage extends StatusMessage {
  /** wallClock() right before the message was handed to the publisher (or to the sockets). */
  readonly sentAt: number;
}

export const messageKey = (serverId: string, occurredAt: string): string => `${serverId}|${occurredAt}`;

export interface MemoryReading {
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
}

// startTarget runs targets without --expose-gc; a reading taken without a collection is noise.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

export function memoryAfterGc(): MemoryReading {
  collect();
  collect();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}

type Handler = (body: unknown) => Promise<unknown>;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString();
  return text ? (JSON.parse(text) as unknown) : null;
}

/** POST /<name> with a JSON body answers the handler's JSON; returns the server and its URL. */
export async function startControlServer(
  handlers: Record<string, Handler>,
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const handler = handlers[(request.url ?? "/").slice(1)];
    if (!handler) {
      response.writeHead(404).end();
      return;
    }
    readJson(request)
      .then(handler)
      .then(
        (answer) =>
          response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer)),
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}
