/**
 * The baseline of the subscribers suite: a plain `ws` server with no GraphQL, no authentication
 * and no database. A client connects to `/?user=<n>`; POST /publish on the control server
 * (`SET controlUrl`) takes the messages the gateway sent, `{ messages, intervalMs }`, and sends
 * each to its user's sockets at the same pace, serialized once per message, in the same
 * graphql-ws `next` shape the gateway sends (the server's global id included). POST /memory answers the memory after a collection.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { WebSocketServer, type WebSocket } from "ws";
import {
  memoryAfterGc,
  startControlServer,
  wallClock,
  type SentMessage,
  type StatusMessage,
} from "./subscribers-control.ts";

const sockets = new Map<number, Set<WebSocket>>();
const http = createServer((_request, response) => response.writeHead(426).end());
const wsServer = new WebSocketServer({ server: http });
wsServer.on("connection", (socket, request) => {
  const user = Number(new URL(request.url ?? "/", "http://x").searchParams.get("user"));
  const group = sockets.get(user) ?? new Set<WebSocket>();
  sockets.set(user, group);
  group.add(socket);
  socket.on("close", () => group.delete(socket));
});

async function publish(body: unknown): Promise<SentMessage[]> {
  const { messages, intervalMs } = body as { messages: StatusMessage[]; intervalMs: number };
  const sent: SentMessage[] = [];
  for (const message of messages) {
    const sentAt = wallClock();
    const frame = JSON.stringify({
      id: "1",
      type: "next",
      payload: {
        data: {
          serverStatusChanged: {
            status: message.status,
            previousStatus: message.previousStatus,
            occurredAt: message.occurredAt,
            server: { id: Buffer.from(`Server:${message.serverId}`).toString("base64url") },
          },
        },
      },
    });
    for (const socket of sockets.get(message.user) ?? []) socket.send(frame);
    sent.push({ ...message, sentAt });
    await sleep(intervalMs);
  }
  return sent;
}

const control = await startControlServer({ memory: async () => memoryAfterGc(), publish });
await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
const { port } = http.address() as AddressInfo;
process.stdout.write(`SET controlUrl ${control.url}\n`);
process.stdout.write(`LISTENING ws://127.0.0.1:${port}/\n`);
process.on("SIGTERM", () => {
  control.server.close();
  for (const socket of wsServer.clients) socket.terminate();
  wsServer.close();
  http.close(() => process.exit(0));
});
