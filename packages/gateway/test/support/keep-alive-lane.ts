import { connect, type Socket } from "node:net";

/** What became of one request sent on a keep-alive connection, as the bytes on the wire tell it. */
export type RequestFate =
  | {
      readonly kind: "answered";
      readonly requestId: string;
      readonly status: number;
      readonly closing: boolean;
    }
  /** The server closed (FIN) before a byte of the answer: it never took the request. */
  | { readonly kind: "closed-unanswered"; readonly requestId: string }
  /** The server closed in the middle of the answer. */
  | { readonly kind: "truncated"; readonly requestId: string; readonly bytes: number }
  /** A reset, or any socket error. */
  | { readonly kind: "reset"; readonly requestId: string; readonly code: string };

/**
 * One client connection that sends `body` to `path` again and again, each request after the last
 * answer, until the server closes the connection. Raw sockets, because an HTTP client library
 * reports a clean close and a reset alike ("socket hang up"), and that difference is the point.
 */
export async function runKeepAliveLane(input: {
  readonly port: number;
  readonly path: string;
  readonly body: string;
  readonly requestId: (n: number) => string;
  readonly onFate: (fate: RequestFate) => void;
}): Promise<void> {
  const socket: Socket = connect(input.port, "127.0.0.1");
  socket.setEncoding("latin1");
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  let received = "";
  let settle: ((fate: RequestFate) => void) | null = null;
  let current = "";
  let over = false;
  const answer = () => {
    const head = received.indexOf("\r\n\r\n");
    if (head === -1) return null;
    const lines = received.slice(0, head).split("\r\n");
    const header = (name: string) =>
      lines
        .find((l) => l.toLowerCase().startsWith(`${name}:`))
        ?.slice(name.length + 1)
        .trim() ?? null;
    const length = Number(header("content-length"));
    if (!Number.isInteger(length)) throw new Error(`no content-length in ${lines.join(" | ")}`);
    if (received.length < head + 4 + length) return null;
    received = received.slice(head + 4 + length);
    return {
      status: Number(lines[0]!.split(" ")[1]),
      closing: header("connection")?.toLowerCase() === "close",
    };
  };
  socket.on("data", (chunk: string) => {
    received += chunk;
    const done = answer();
    if (done) settle?.({ kind: "answered", requestId: current, ...done });
  });
  socket.on("end", () => {
    over = true;
    settle?.(
      received.length === 0
        ? { kind: "closed-unanswered", requestId: current }
        : { kind: "truncated", requestId: current, bytes: received.length },
    );
  });
  socket.on("error", (error: NodeJS.ErrnoException) => {
    over = true;
    settle?.({ kind: "reset", requestId: current, code: error.code ?? error.message });
  });
  try {
    for (let n = 0; !over; n++) {
      current = input.requestId(n);
      const fate = await new Promise<RequestFate>((resolve) => {
        settle = resolve;
        socket.write(
          `POST ${input.path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
            `x-request-id: ${current}\r\ncontent-length: ${Buffer.byteLength(input.body)}\r\n\r\n${input.body}`,
        );
      });
      settle = null;
      input.onFate(fate);
      if (fate.kind !== "answered" || fate.closing) return;
    }
  } finally {
    socket.destroy();
  }
}
