import type { IncomingMessage } from "node:http";

/** Express's compiled "trust proxy" predicate: may the hop at this address and depth be trusted? */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * The client address of a raw request (the WebSocket upgrade), with the same rule express applies
 * to `req.ip`: walk X-Forwarded-For from the nearest hop while the hop is trusted.
 */
export function clientAddress(request: IncomingMessage, trust: TrustProxy): string | null {
  const socketAddress = request.socket.remoteAddress ?? null;
  if (socketAddress === null) return null;
  const header = request.headers["x-forwarded-for"];
  const forwarded = (typeof header === "string" ? header : "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .reverse();
  const chain = [socketAddress, ...forwarded];
  for (let hop = 0; hop < chain.length - 1; hop++) {
    if (!trust(chain[hop]!, hop)) return chain[hop]!;
  }
  return chain.at(-1)!;
}
