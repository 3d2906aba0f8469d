import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { listenSimulator, type ListeningSimulator } from "../shared/listen-simulator.ts";
import { readBody, writeReply } from "../shared/http-exchange.ts";
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

/**
 * The HTTP side every cloud simulator shares: routing, the fault knobs, and a control API
 * (`GET|POST|DELETE /__sim/faults`, `GET /__sim/state`). The provider's routes own the wire format.
 */
export async function startCloudSimulatorServer(
  options: CloudSimulatorServerOptions,
): Promise<ListeningSimulator> {
  const closing = new AbortController();

  const dispatch = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://simulator");
    const body = await readBody(req);
    if (body === undefined) return writeReply(res, jsonReply(413, { error: "body too large" }));
    if (url.pathname.startsWith("/__sim/"))
      return writeReply(res, control(req.method, url.pathname, body, options));

    const route = options.routes.find((r) => r.method === req.method && r.path.test(url.pathname));
    if (!route) return writeReply(res, options.notFound(), options.commonHeaders?.());
    const call: CloudCall = {
      method: req.method ?? "GET",
      url,
      params: route.path.exec(url.pathname)!.slice(1),
      headers: req.headers,
      body,
    };
    if (route.exempt) return writeReply(res, route.handle(call));

    const { faults } = options;
    if (faults.current.latencyMs > 0)
      await sleep(faults.current.latencyMs, undefined, { signal: closing.signal });
    if (faults.take("rateLimitNext")) return writeReply(res, options.rateLimited());
    if (options.random() < faults.current.serverErrorRate)
      return writeReply(res, options.serverError(), options.commonHeaders?.());
    const reply = route.handle(call);
    if (route.creates && reply.status < 300 && faults.take("loseCreateResponses")) {
      // Done at the provider; the client never hears of it.
      res.socket?.destroy();
      return;
    }
    writeReply(res, reply, options.commonHeaders?.());
  };

  return listenSimulator("cloud simulator", options, closing, dispatch);
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
