import type { Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSE_CODES } from "../../src/graphql/websocket-close-codes.ts";
import { sendGraphQL } from "./abuse-client.ts";
import { startAbuseApp, type AbuseApp } from "./abuse-app.ts";
import { fromAddress, register, type Account } from "./accounts-kit.ts";
import { codeOfMessage, RawSocket } from "./raw-socket.ts";

const HEALTH = `{ health { sandbox } }`;
const WATCH_ALL = `subscription { serverStatusChanged { status } }`;
const VIEWER_ID = `{ viewer { id } }`;
const LOG_OUT = `mutation { logOut(input: {}) { loggedOut } }`;
const LIMITS = {
  WS_OPERATIONS_PER_SECOND: "10",
  WS_SUBSCRIPTIONS_PER_SOCKET: "3",
  WS_SOCKETS_PER_USER: "2",
  WS_SOCKETS_PER_ADDRESS: "3",
  WS_INIT_TIMEOUT_MS: "1000",
};
const MAX_BODY_BYTES = 1024 * 1024;

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`WebSocket limits on ${target.name}`, () => {
    let database: Database;
    let t: AbuseApp;
    let user: Account;
    /** The operations-per-second budget's clock: still unless a test moves it. */
    let nowMs = 0;
    /** Every test speaks from addresses of its own, so the per-address cap of one never meets another. */
    let nextAddress = 1;
    const address = () => fromAddress(nextAddress++);
    const open: RawSocket[] = [];
    const connect = async (options: { token?: string; headers?: Record<string, string> } = {}) => {
      const socket = await RawSocket.connect(t.app.url, { headers: address(), ...options });
      open.push(socket);
      return socket;
    };

    beforeAll(async () => {
      database = await target.open();
      t = await startAbuseApp(database, {
        env: { TRUST_PROXY: "1", ...LIMITS },
        webSocketNowMs: () => nowMs,
      });
      user = await register(t.app.url, "sockets@example.com", { headers: address() });
    });
    afterAll(async () => {
      await Promise.all(open.map((socket) => socket.close()));
      await t?.close();
      await database?.close();
    });

    it("closes a socket past its operations a second with 4029, and serves the next second", async () => {
      const socket = await connect();
      for (let i = 0; i < 10; i++) socket.subscribe(`a${i}`, HEALTH);
      for (let i = 0; i < 10; i++) expect(codeOfMessage(await socket.result(`a${i}`))).toBeUndefined();
      nowMs += 1000;
      for (let i = 0; i < 10; i++) socket.subscribe(`b${i}`, HEALTH);
      for (let i = 0; i < 10; i++) expect((await socket.result(`b${i}`)).type).toBe("next");

      // A flood in the same second: the first operation past the budget ends the socket.
      for (let i = 0; i < 1000; i++) socket.subscribe(`c${i}`, HEALTH);
      expect(await socket.closed).toEqual({
        code: CLOSE_CODES.tooManyOperations,
        reason: "More than 10 operations a second on one connection.",
      });
      expect(socket.received.filter((m) => m.id?.startsWith("c") && m.type === "next")).toEqual([]);

      const other = await connect();
      other.subscribe("1", HEALTH);
      expect(await other.result("1")).toMatchObject({
        type: "next",
        payload: { data: { health: { sandbox: true } } },
      });
    });

    it("refuses a subscription past the cap of one socket with TOO_MANY_SUBSCRIPTIONS", async () => {
      nowMs += 1000;
      const socket = await connect({ token: user.accessToken });
      for (let i = 0; i < 4; i++) socket.subscribe(`w${i}`, WATCH_ALL);
      // Refused as the subscription starts: a `next` with the error, then `complete`.
      await socket.until((messages) => messages.some((m) => codeOfMessage(m) !== undefined));
      // A round trip after the four: by its answer every subscription has been decided.
      socket.subscribe("q", HEALTH);
      await socket.result("q");
      const refused = socket.received.filter((m) => codeOfMessage(m) !== undefined);
      expect(refused.map(codeOfMessage)).toEqual(["TOO_MANY_SUBSCRIPTIONS"]);
      expect(socket.isOpen).toBe(true);
    });

    it("closes a user's socket past the cap per account with 4030; anonymous sockets are not the user's", async () => {
      const owner = await register(t.app.url, "many-sockets@example.com", { headers: address() });
      const first = await connect({ token: owner.accessToken });
      const second = await connect({ token: owner.accessToken });
      const third = new RawSocket(t.app.url, address());
      open.push(third);
      await third.opened;
      third.send(
        JSON.stringify({
          type: "connection_init",
          payload: { authorization: `Bearer ${owner.accessToken}` },
        }),
      );
      expect(await third.closed).toEqual({
        code: CLOSE_CODES.tooManyConnections,
        reason: "Too many connections for this account.",
      });
      expect(third.received).toEqual([]);
      await connect();
      expect([first.isOpen, second.isOpen]).toEqual([true, true]);
    });

    it("refuses the upgrade past the sockets of one address with 429, until one of them closes", async () => {
      const headers = address();
      const sockets = await Promise.all([1, 2, 3].map(() => connect({ headers })));
      await expect(new RawSocket(t.app.url, headers).opened).rejects.toThrow("HTTP 429");
      await sockets[0]!.close();
      // The server counts the socket closed when its side of the connection ends, which may come
      // just after ours: each attempt is a full round trip, no sleep.
      let accepted: RawSocket | null = null;
      for (let attempt = 0; attempt < 100 && !accepted; attempt++) {
        const candidate = new RawSocket(t.app.url, headers);
        accepted = await candidate.opened.then(
          () => candidate,
          () => null,
        );
      }
      expect(accepted).not.toBeNull();
      open.push(accepted!);
    });

    it("closes a socket that does not send connection_init in time with 4408", async () => {
      const silent = new RawSocket(t.app.url, address());
      open.push(silent);
      await silent.opened;
      expect((await silent.closed).code).toBe(4408);
    });

    it("closes a socket whose message is over the body limit with 1009, before reading it", async () => {
      const socket = await connect();
      socket.subscribe("big", HEALTH, { padding: "x".repeat(MAX_BODY_BYTES) });
      expect((await socket.closed).code).toBe(1009);
    });

    it("refuses the next operation of a socket whose session was revoked with UNAUTHENTICATED", async () => {
      nowMs += 1000;
      const owner = await register(t.app.url, "revoked-socket@example.com", { headers: address() });
      const socket = await connect({ token: owner.accessToken });
      socket.subscribe("before", VIEWER_ID);
      expect((await socket.result("before")).payload).toEqual({ data: { viewer: { id: owner.id } } });
      const loggedOut = await sendGraphQL(
        t.app.url,
        LOG_OUT,
        {},
        { token: owner.accessToken, headers: address() },
      );
      expect(loggedOut.json?.data).toEqual({ logOut: { loggedOut: true } });
      socket.subscribe("after", VIEWER_ID);
      expect(codeOfMessage(await socket.result("after"))).toBe("UNAUTHENTICATED");
      socket.subscribe("watch", WATCH_ALL);
      expect(codeOfMessage(await socket.result("watch"))).toBe("UNAUTHENTICATED");
    });

    it("answers a document of two operations without an operation name with an error, socket open", async () => {
      nowMs += 1000;
      const socket = await connect();
      socket.subscribe("two", `query A ${HEALTH} query B ${HEALTH}`);
      expect(await socket.result("two")).toMatchObject({
        type: "error",
        payload: [{ message: "Unable to identify operation" }],
      });
      socket.subscribe("after", HEALTH);
      expect((await socket.result("after")).type).toBe("next");
    });

    it("answers a padded query with QUERY_TOO_LARGE and deep variables with VARIABLES_TOO_DEEP, socket open", async () => {
      nowMs += 1000;
      const socket = await connect();
      socket.subscribe("padded", `${HEALTH} #${"x".repeat(700_000)}`);
      expect(codeOfMessage(await socket.result("padded"))).toBe("QUERY_TOO_LARGE");
      // Written as text: JSON.stringify itself overflows the stack on 100,000 levels.
      const deep = `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`;
      socket.send(
        `{"id":"deep","type":"subscribe","payload":{"query":"mutation($input: LogInInput!) { logIn(input: $input) { userErrors { code } } }","variables":{"input":${deep}}}}`,
      );
      expect(codeOfMessage(await socket.result("deep"))).toBe("VARIABLES_TOO_DEEP");
      socket.subscribe("after", HEALTH);
      expect((await socket.result("after")).type).toBe("next");
    });
  });
}
