import type { IncomingMessage, ServerResponse } from "node:http";
import type { Reply } from "./reply.ts";

const MAX_BODY_BYTES = 1 << 20;

/** The request body as text; undefined when it is over 1 MiB (the caller answers 413). */
export async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Writes a reply, never cached; `common` headers (rate-limit counters) go under the reply's own. */
export function writeReply(
  res: ServerResponse,
  reply: Reply,
  common?: Readonly<Record<string, string>>,
): void {
  res.writeHead(reply.status, { "cache-control": "no-store", ...common, ...reply.headers });
  res.end(reply.body);
}
