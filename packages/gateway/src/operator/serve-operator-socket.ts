import { chmodSync, unlinkSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import {
  MAX_LINE_BYTES,
  parseOperatorRequest,
  type OperatorRequest,
  type OperatorResponse,
} from "./operator-socket.ts";

export interface OperatorSocket {
  readonly path: string;
  /** Stops listening and removes the socket file once the requests being served are answered. */
  close(): Promise<void>;
}

export type OperatorHandler = (request: OperatorRequest) => Promise<OperatorResponse>;

function answer(socket: Socket, response: OperatorResponse): void {
  socket.end(`${JSON.stringify(response)}\n`);
}

function serveConnection(socket: Socket, handle: OperatorHandler, onError: (message: string) => void): void {
  let received = "";
  socket.setEncoding("utf8");
  socket.on("error", () => socket.destroy());
  socket.on("data", (chunk: string) => {
    received += chunk;
    const end = received.indexOf("\n");
    if (end === -1 && received.length <= MAX_LINE_BYTES) return;
    socket.removeAllListeners("data");
    const request = end === -1 ? null : parseOperatorRequest(received.slice(0, end));
    if (request === null) {
      answer(socket, { ok: false, message: "Not an operator request this server understands." });
      return;
    }
    handle(request).then(
      (response) => answer(socket, response),
      (error: unknown) => {
        onError(error instanceof Error ? error.message : String(error));
        answer(socket, {
          ok: false,
          message: "The running server failed to carry out the request; see its log.",
        });
      },
    );
  });
}

const listen = (server: Server, path: string) =>
  new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => {
      server.off("error", reject);
      resolve();
    });
  });

/**
 * Listens on `path` for operator requests. The caller holds the data directory's lock, so a socket
 * file already there was left by a process that died without closing it, and is replaced.
 */
export async function serveOperatorSocket(
  path: string,
  handle: OperatorHandler,
  onError: (message: string) => void,
): Promise<OperatorSocket> {
  const server = createServer((socket) => serveConnection(socket, handle, onError));
  try {
    await listen(server, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    unlinkSync(path);
    await listen(server, path);
  }
  chmodSync(path, 0o600);
  return {
    path,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
