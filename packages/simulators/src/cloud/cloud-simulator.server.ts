import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { Reply } from "../shared/reply.ts";
import { jsonReply } from "../shared/reply.ts";
import type { CloudFaultBoard } from "./cloud-faults.ts";

export interface CloudCall {
  readonly method: string;
  readonly url: URL;
  /** The capture groups of the route's path pattern. */
  readonly params: readonly string[];
  readonly headers: IncomingHttpHeaders;
  /** The raw body, as signed requests (OVH) need it. */
  readonly body: string;
}

export interface CloudRoute {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** Anchored pattern over the path, without the query string. */
  readonly path: RegExp;
  /** A create: the lost-response fault applies to it. */
  readonly creates?: boolean;
  /** Not an API call (a clock, the control routes): no faults, no rate limit. */
  readonly exempt?: boolean;
  handle(call: CloudCall): Reply;
}

export interface CloudSimulatorServerOptions {
  readonly host: string;
  readonly port: number;
  readonly routes: readonly CloudRoute[];
  readonly faults: CloudFaultBoard;
  /** The provider's answer to the 5xx fault, in its own error envelope. */
  readonly serverError: () => Reply;
  /** The provider's 429, with its rate-limit headers. */
  readonly rateLimited: () => Reply;
  /** The provider's 404 for an unknown path, in its own error envelope. */
  readonly notFound: () => Reply;
  /** Headers the provider puts on every API answer (rate-limit counters). */
  readonly commonHeaders?: () => Readonly<Record<string, string>>;
  /** Read by `GET /__sim/state`, for tests and for looking by hand. */
  readonly snapshot: () => unknown;
  readonly random: () => number;
}

export interface CloudSimulatorServer {
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1 << 20;

/**
 * The HTTP side every cloud simulator shares: routing, the fault knobs, and a control API
 * (`GET|POST|DELETE /__sim/faults`, `GET /__sim/state`). The provider's routes own the wire format.
 */
export async function startCloudSimulatorServer(
  options: CloudSimulatorServerOptions,
): Promise<CloudSimulatorServer> {
  const closing = new AbortController();

  const dispatch = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://simulator");
    const body = await readBody(req);
    if (body === undefined) return write(res, jsonReply(413, { error: "body too large" }));
    if (url.pathname.startsWith("/__sim/"))
      return write(res, control(req.method, url.pathname, body, options));

    const route = options.routes.find((r) => r.method === req.method && r.path.test(url.pathname));
    if (!route) return write(res, options.notFound(), options.commonHeaders?.());
    const call: CloudCall = {
      method: req.method ?? "GET",
      url,
      params: route.path.exec(url.pathname)!.slice(1),
      headers: req.headers,
      body,
    };
    if (route.exempt) return write(res, route.handle(call));

    const { faults } = options;
    if (faults.current.latencyMs > 0)
      await sleep(faults.current.latencyMs, undefined, { signal: closing.signal });
    if (faults.take("rateLimitNext")) return write(res, options.rateLimited());
    if (options.random() < faults.current.serverErrorRate)
      return write(res, options.serverError(), options.commonHeaders?.());
    const reply = route.handle(call);
    if (route.creates && reply.status < 300 && faults.take("loseCreateResponses")) {
      // Done at the provider; the client never hears of it.
      res.socket?.destroy();
      return;
    }
    write(res, reply, options.commonHeaders?.());
  };

  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      if (closing.signal.aborted) return;
      console.error("cloud simulator: unexpected error", error);
      if (!res.headersSent) write(res, jsonReply(500, { error: "simulator bug" }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;

  return {
    url: `http://${address.includes(":") ? `[${address}]` : address}:${port}`,
    close: async () => {
      closing.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

function control(
  method: string | undefined,
  path: string,
  body: string,
  options: CloudSimulatorServerOptions,
): Reply {
  const { faults } = options;
  if (path === "/__sim/state" && method === "GET") return jsonReply(200, options.snapshot());
  if (path !== "/__sim/faults") return jsonReply(404, { error: "not found" });
  if (method === "GET") return jsonReply(200, faults.current);
  if (method === "DELETE") {
    faults.reset();
    return jsonReply(200, faults.current);
  }
  if (method !== "POST") return jsonReply(405, { error: "use GET, POST or DELETE" });
  try {
    const changes: unknown = JSON.parse(body || "{}");
    if (typeof changes !== "object" || changes === null || Array.isArray(changes)) {
      return jsonReply(400, { error: "send a JSON object of fault knobs" });
    }
    return jsonReply(200, faults.set(changes as Record<string, unknown>));
  } catch (error) {
    return jsonReply(400, { error: error instanceof Error ? error.message : String(error) });
  }
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function write(res: ServerResponse, reply: Reply, common?: Readonly<Record<string, string>>): void {
  res.writeHead(reply.status, { "cache-control": "no-store", ...common, ...reply.headers });
  res.end(reply.body);
}
