import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Tells the parent benchmark process where this target listens (first stdout line). */
export function announce(server: Server): void {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`LISTENING http://127.0.0.1:${port}/graphql\n`);
}
