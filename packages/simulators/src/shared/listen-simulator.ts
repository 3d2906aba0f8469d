import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { writeReply } from "./http-exchange.ts";
import { jsonReply } from "./reply.ts";

export interface ListeningSimulator {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `dispatch` on host:port until closed. `closing` is aborted first on close, so that
 * answers still waiting (latency, withheld answers) end without being reported as bugs.
 */
export async function listenSimulator(
  name: string,
  options: { readonly host: string; readonly port: number },
  closing: AbortController,
  dispatch: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<ListeningSimulator> {
  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      if (closing.signal.aborted) return;
      console.error(`${name}: unexpected error`, error);
      if (!res.headersSent) writeReply(res, jsonReply(500, { error: "simulator bug" }));
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
      // Withheld answers (the timeout fault) keep their sockets open; close() would wait forever.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
