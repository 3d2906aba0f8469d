import { createConnection } from "node:net";
import {
  fitsSocketAddress,
  MAX_LINE_BYTES,
  parseOperatorResponse,
  type OperatorRequest,
  type OperatorResponse,
} from "../operator/operator-socket.ts";

/** Hashing the password and one transaction: seconds at worst, even on a loaded machine. */
const ANSWER_TIMEOUT_MS = 60_000;

/**
 * Sends `request` to the server running on this data directory and returns its answer, or null
 * when nothing listens at `path` (no server, or one that died and left its socket file).
 */
export function askRunningServer(path: string, request: OperatorRequest): Promise<OperatorResponse | null> {
  if (!fitsSocketAddress(path)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let received = "";
    let connected = false;
    socket.setEncoding("utf8");
    socket.setTimeout(ANSWER_TIMEOUT_MS, () =>
      socket.destroy(new Error(`the server at ${path} did not answer in ${ANSWER_TIMEOUT_MS / 1000} s`)),
    );
    socket.on("connect", () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on("data", (chunk: string) => {
      received += chunk;
      if (received.length > MAX_LINE_BYTES) socket.destroy(new Error(`the answer from ${path} is too long`));
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (!connected && (error.code === "ENOENT" || error.code === "ECONNREFUSED")) resolve(null);
      else reject(error);
    });
    socket.on("end", () => {
      const response = parseOperatorResponse(received.split("\n")[0] ?? "");
      if (response) resolve(response);
      else reject(new Error(`the server at ${path} gave no answer; see its log`));
    });
  });
}
