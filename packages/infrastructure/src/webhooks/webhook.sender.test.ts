import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GotWebhookSender } from "./webhook.sender.ts";

describe("GotWebhookSender against a receiver on 127.0.0.1", () => {
  let server: Server;
  let port = 0;
  const received: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      received.push(request.url ?? "");
      // A redirect to somewhere else must not be followed.
      if (request.url === "/moved") response.writeHead(302, { location: "/elsewhere" }).end();
      else response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (sender: GotWebhookSender, url: string) =>
    sender.post({ url, body: "{}", headers: { "content-type": "application/json" } });

  it("outside the sandbox refuses loopback by address and by a name resolving to it, sending nothing", async () => {
    const production = new GotWebhookSender({ allowLoopback: false });
    const before = received.length;
    expect(await production.check(new URL(`http://127.0.0.1:${port}/`))).toBe("FORBIDDEN");
    expect(await production.check(new URL(`http://localhost:${port}/`))).toBe("FORBIDDEN");
    expect(await production.check(new URL(`http://[::ffff:127.0.0.1]:${port}/`))).toBe("FORBIDDEN");
    expect(await post(production, `http://127.0.0.1:${port}/a`)).toMatchObject({ kind: "FAILED" });
    // The pinned lookup refuses what the name resolves to when the connection is made.
    expect(await post(production, `http://localhost:${port}/b`)).toMatchObject({
      kind: "FAILED",
      reason: "the host resolves to no address we may call",
    });
    expect(received.length).toBe(before);
  });

  it("in the sandbox delivers to loopback, records the answer and follows no redirect", async () => {
    const sandbox = new GotWebhookSender({ allowLoopback: true });
    expect(await sandbox.check(new URL(`http://localhost:${port}/`))).toBe("ALLOWED");
    expect(await post(sandbox, `http://localhost:${port}/ok`)).toMatchObject({
      kind: "ANSWERED",
      status: 204,
    });
    expect(await post(sandbox, `http://127.0.0.1:${port}/moved`)).toMatchObject({
      kind: "ANSWERED",
      status: 302,
    });
    expect(received.filter((url) => url === "/elsewhere")).toEqual([]);
  });

  it("calls a host that does not resolve unresolvable", async () => {
    const sandbox = new GotWebhookSender({ allowLoopback: true });
    expect(await sandbox.check(new URL("https://no-such-host.invalid/"))).toBe("UNRESOLVABLE");
  });
});
