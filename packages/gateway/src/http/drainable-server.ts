import { createServer, type RequestListener, type Server, type ServerResponse } from "node:http";
import { Server as NetServer, type Socket } from "node:net";

/** How long requests already accepted may run once a drain begins; then what is left is cut. */
const DRAIN_GRACE_MS = 10_000;

export interface DrainableServer {
  readonly server: Server;
  /**
   * Stops accepting connections, answers every request already received (with `Connection: close`
   * when its headers are not out yet), closes idle keep-alive connections, and resolves when no
   * HTTP connection is left. WebSocket connections are not HTTP's any more: their server closes them.
   */
  drain(): Promise<void>;
}

interface Connection {
  readonly socket: Socket;
  /** Responses still being written on this connection (more than one only when pipelined). */
  readonly responses: Set<ServerResponse>;
  /** We sent our FIN: requests arriving after it are not taken. */
  closing: boolean;
}

/**
 * An http.Server for `app` whose drain loses no request it accepted. http.Server#close, and
 * Apollo's drain plugin built on it, destroy idle keep-alive sockets; a request the client had
 * already sent on one then meets a closed socket and the client gets a reset (one on each of the
 * 20 busy connections of packages/gateway/test/sigterm-drain.e2e.test.ts). Here an idle
 * connection is half-closed instead: our FIN goes out, the socket keeps reading until the client
 * closes its side, and a request that crossed the FIN is read and dropped unanswered, so its
 * client sees the connection close, not a reset.
 */
export function createDrainableServer(app: RequestListener, graceMs = DRAIN_GRACE_MS): DrainableServer {
  const connections = new Map<Socket, Connection>();
  let draining = false;
  let onEmpty: (() => void) | null = null;

  const closeGently = (connection: Connection) => {
    if (connection.closing) return;
    connection.closing = true;
    // Once the client has closed its side nothing more can arrive: the socket is done.
    connection.socket.once("end", () => connection.socket.destroy());
    connection.socket.end();
  };

  const server = createServer((req, res) => {
    const connection = connections.get(req.socket);
    if (connection === undefined || connection.closing) return;
    connection.responses.add(res);
    if (draining) res.setHeader("connection", "close");
    // `on`, not `once`: a response closes once, and once() wraps every listener in another function.
    res.on("close", () => {
      connection.responses.delete(res);
      if (draining && connection.responses.size === 0) closeGently(connection);
    });
    app(req, res);
  });
  server.on("connection", (socket: Socket) => {
    connections.set(socket, { socket, responses: new Set(), closing: false });
    socket.once("close", () => {
      connections.delete(socket);
      if (connections.size === 0) onEmpty?.();
    });
  });
  // An upgraded socket belongs to the WebSocket server from here on, which closes it in its turn.
  server.on("upgrade", (req) => connections.delete(req.socket));

  return {
    server,
    async drain() {
      draining = true;
      const empty = new Promise<void>((resolve) => {
        onEmpty = resolve;
      });
      // net.Server's close only stops accepting; http.Server's would also destroy idle sockets.
      NetServer.prototype.close.call(server);
      for (const { responses } of connections.values()) {
        for (const res of responses) if (!res.headersSent) res.setHeader("connection", "close");
      }
      // One turn of the event loop before closing idle connections: requests already waiting in
      // a socket's buffer are read in its poll phase, and get answered instead of closed on.
      await new Promise((resolve) => setImmediate(resolve));
      for (const connection of connections.values()) {
        if (connection.responses.size === 0) closeGently(connection);
      }
      if (connections.size === 0) return;
      const cut = setTimeout(() => {
        for (const { socket } of connections.values()) socket.destroy();
      }, graceMs);
      await empty;
      clearTimeout(cut);
    },
  };
}
