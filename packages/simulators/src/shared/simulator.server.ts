import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { listenSimulator, type ListeningSimulator } from "./listen-simulator.ts";
import { readBody, writeReply } from "./http-exchange.ts";
import type { FaultSwitchboard } from "./fault.switchboard.ts";
import { garbled, jsonReply, PROXY_UNAVAILABLE, type Reply } from "./reply.ts";

export interface IncomingCall {
  readonly url: URL;
  /** The capture groups of the route's path pattern. */
  readonly params: readonly string[];
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface Route<Operation extends string> {
  readonly method: "GET" | "POST";
  /** Anchored pattern over the path, without the query string. */
  readonly path: RegExp;
  /** Names a server-to-server call, which the network faults hit; pages have none. */
  readonly operation?: Operation;
  handle(call: IncomingCall): Reply;
}

export interface SimulatorServerOptions<Operation extends string> {
  readonly host: string;
  readonly port: number;
  readonly routes: readonly Route<Operation>[];
  readonly faults: FaultSwitchboard<Operation>;
  /** Read by `GET /__sim/payments`, for looking at the state by hand. */
  readonly snapshot: () => unknown;
  readonly random: () => number;
}

export async function startSimulatorServer<Operation extends string>(
  options: SimulatorServerOptions<Operation>,
): Promise<ListeningSimulator> {
  const closing = new AbortController();

  const dispatch = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://simulator");
    const body = await readBody(req);
    if (body === undefined) return writeReply(res, jsonReply(413, { error: "body too large" }));

    if (url.pathname.startsWith("/__sim/"))
      return writeReply(res, control(req.method, url.pathname, body, options));

    const route = options.routes.find((r) => r.method === req.method && r.path.test(url.pathname));
    if (!route) return writeReply(res, jsonReply(404, { error: "not found" }));
    const call: IncomingCall = {
      url,
      params: route.path.exec(url.pathname)!.slice(1),
      headers: req.headers,
      body,
    };
    if (route.operation === undefined || !options.faults.affects(route.operation)) {
      return writeReply(res, route.handle(call));
    }

    const faults = options.faults.current;
    if (faults.latencyMs > 0) await sleep(faults.latencyMs, undefined, { signal: closing.signal });
    if (options.random() < faults.serverErrorRate) return writeReply(res, PROXY_UNAVAILABLE);
    const reply = route.handle(call);
    if (faults.timeout) return;
    writeReply(res, faults.garbage ? garbled(reply) : reply);
  };

  return listenSimulator("payment simulator", options, closing, dispatch);
}

function control<Operation extends string>(
  method: string | undefined,
  path: string,
  body: string,
  options: SimulatorServerOptions<Operation>,
): Reply {
  const { faults } = options;
  if (path === "/__sim/payments" && method === "GET") return jsonReply(200, options.snapshot());
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
    return jsonReply(200, faults.setFromJson(changes as Record<string, unknown>));
  } catch (error) {
    return jsonReply(400, { error: error instanceof Error ? error.message : String(error) });
  }
}
