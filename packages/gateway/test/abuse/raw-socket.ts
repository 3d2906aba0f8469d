import WebSocket from "ws";

/** A graphql-transport-ws message as the server sends it. */
export interface ServerMessage {
  readonly type: string;
  readonly id?: string;
  readonly payload?: unknown;
}

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

/**
 * graphql-transport-ws spoken by hand, for what the graphql-ws client will not send: messages
 * built as raw text (100,000-deep variables, which its JSON.stringify cannot write), floods of
 * subscribe messages, sockets that never send connection_init. Waits on events only.
 */
export class RawSocket {
  readonly received: ServerMessage[] = [];
  /** Resolves when the socket closes, with the server's code and reason. */
  readonly closed: Promise<Closed>;
  /** Resolves when the handshake completes; rejects when the server refuses the upgrade. */
  readonly opened: Promise<void>;
  readonly #socket: WebSocket;
  #waiters: (() => void)[] = [];

  constructor(url: string, headers: Record<string, string> = {}) {
    this.#socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws", { headers });
    this.#socket.on("message", (data: Buffer) => {
      this.received.push(JSON.parse(data.toString("utf8")) as ServerMessage);
      this.#notify();
    });
    this.closed = new Promise((resolve) =>
      this.#socket.once("close", (code, reason) => {
        resolve({ code, reason: reason.toString("utf8") });
        this.#notify();
      }),
    );
    this.opened = new Promise((resolve, reject) => {
      this.#socket.once("open", () => resolve());
      this.#socket.once("unexpected-response", (_request, response) => {
        reject(new Error(`upgrade refused: HTTP ${response.statusCode}`));
        this.#socket.terminate();
      });
      this.#socket.on("error", reject);
    });
  }

  /** Opens, sends connection_init with the token (if any) and waits for connection_ack. */
  static async connect(url: string, options: { token?: string; headers?: Record<string, string> } = {}) {
    const socket = new RawSocket(url, options.headers);
    await socket.opened;
    socket.send(
      JSON.stringify({
        type: "connection_init",
        payload: options.token ? { authorization: `Bearer ${options.token}` } : {},
      }),
    );
    await socket.until((messages) => messages.some((m) => m.type === "connection_ack"));
    return socket;
  }

  send(text: string): void {
    this.#socket.send(text);
  }

  subscribe(id: string, query: string, variables: Record<string, unknown> = {}): void {
    this.send(JSON.stringify({ id, type: "subscribe", payload: { query, variables } }));
  }

  get isOpen(): boolean {
    return this.#socket.readyState === WebSocket.OPEN;
  }

  /** Resolves once `done(received)` holds; rejects if the socket closes first. */
  async until(done: (messages: readonly ServerMessage[]) => boolean): Promise<void> {
    for (;;) {
      if (done(this.received)) return;
      if (this.#socket.readyState === WebSocket.CLOSED) {
        throw new Error(
          `closed before the expected messages; got ${JSON.stringify(this.received).slice(0, 500)}`,
        );
      }
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** The message that ends operation `id` (its `error`, or its `complete` after `next`). */
  async result(id: string): Promise<ServerMessage> {
    const ends = (m: ServerMessage) => m.id === id && (m.type === "error" || m.type === "complete");
    await this.until((messages) => messages.some(ends));
    return this.received.find((m) => m.id === id && (m.type === "error" || m.type === "next"))!;
  }

  close(): Promise<Closed> {
    if (this.#socket.readyState !== WebSocket.CLOSED) this.#socket.close(1000);
    return this.closed;
  }

  #notify(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}

/** The first error code of a `next` or `error` message. */
export function codeOfMessage(message: ServerMessage): unknown {
  const payload = message.payload as
    | { errors?: { extensions?: Record<string, unknown> }[] }
    | { extensions?: Record<string, unknown> }[]
    | undefined;
  const errors = Array.isArray(payload) ? payload : payload?.errors;
  return errors?.[0]?.extensions?.["code"];
}
