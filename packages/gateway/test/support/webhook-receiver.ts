import { createServer, type IncomingHttpHeaders } from "node:http";

interface ReceivedWebhook {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The body exactly as it arrived: what the signature covers. */
  readonly rawBody: string;
  readonly event: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
  /** What the receiver answered. */
  readonly status: number;
}

export interface WebhookReceiver {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly received: ReceivedWebhook[];
  close(): Promise<void>;
}

/**
 * A partner's endpoint on 127.0.0.1: records every POST and answers what `answer` says for it
 * (given the deliveries of the same event that came before).
 */
export async function startWebhookReceiver(
  answer: (path: string, earlierOfSameEvent: number) => number,
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const event = JSON.parse(rawBody) as ReceivedWebhook["event"];
      const path = request.url ?? "/";
      const earlier = received.filter((r) => r.path === path && r.event.id === event.id).length;
      const status = answer(path, earlier);
      received.push({ path, headers: request.headers, rawBody, event, status });
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("receiver has no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
