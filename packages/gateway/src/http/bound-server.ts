import type { RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { createDrainableServer, type DrainableServer } from "./drainable-server.ts";

export interface BoundServer extends DrainableServer {
  /** Where the server listens, e.g. http://127.0.0.1:4000: the port the system gave when PORT is 0. */
  readonly origin: string;
  /** Hands every request to `app`, those that arrived while the app was being composed included. */
  serve(app: RequestListener): void;
  /** Closes the socket and every connection at once: the app failed to start and will not serve. */
  abandon(): void;
}

/**
 * Listens on HOST:PORT before the app is composed, so that the address it is reached at is a value
 * the composition can use (payment callback URLs need the real port when PORT is 0).
 */
export async function bindServer(host: string, port: number): Promise<BoundServer> {
  // Requests that arrive before the app is composed wait for it; later ones go straight to it,
  // without a promise hop each.
  let ready: RequestListener | undefined;
  let serve: (app: RequestListener) => void = () => undefined;
  const app = new Promise<RequestListener>((resolve) => {
    serve = (handle) => {
      ready = handle;
      resolve(handle);
    };
  });
  const drainable = createDrainableServer((req, res) => {
    if (ready) ready(req, res);
    else void app.then((handle) => handle(req, res));
  });
  const { server } = drainable;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { address, port: bound } = server.address() as AddressInfo;
  return {
    ...drainable,
    origin: `http://${address.includes(":") ? `[${address}]` : address}:${bound}`,
    serve,
    abandon() {
      server.close();
      server.closeAllConnections();
    },
  };
}
