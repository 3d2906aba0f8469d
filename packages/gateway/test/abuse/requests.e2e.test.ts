import type { Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, noWorkBetween, rowDelta, startAbuseApp, type AbuseApp } from "./abuse-app.ts";
import { GraphQLTestClient, wsOnce } from "../support/graphql-client.ts";
import { assertClean, codeOf, send, sendGraphQL } from "./abuse-client.ts";
import { observe, printObservations } from "./observations.ts";
import { ofTypeChain, CASES } from "./request-abuse.cases.ts";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`request abuse on ${target.name}`, () => {
    let database: Database;
    let t: AbuseApp;
    const refusedBeforeWork = noWorkBetween(() => t);
    beforeAll(async () => {
      database = await target.open();
      t = await startAbuseApp(database);
      // The first requests pay for lazy initialisation in express, Apollo and the HTTP client.
      await sendGraphQL(t.app.url, `{ health { sandbox } }`);
      await send(t.app.url, "{");
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
      printObservations(`request abuse on ${target.name}`);
    });

    it.each(CASES)(
      "$name: a clean $status before any work, and nothing written",
      async ({ name, request, status, code }) => {
        const before = await countRows(database);
        refusedBeforeWork.start();
        const response = await request(t.app.url);
        observe(name, response);
        assertClean(response);
        expect(response.status).toBe(status);
        expect(typeof code === "string" ? [code] : code).toContain(codeOf(response));
        expect(response.json?.data ?? undefined).toBeUndefined();
        refusedBeforeWork.check();
        expect(rowDelta(before, await countRows(database))).toEqual({});
      },
    );

    it("refuses a mutation sent with GET, which would bypass the content-type check", async () => {
      const query = encodeURIComponent(
        `mutation { logIn(input: { email: "a@example.com", password: "x" }) { userErrors { code } } }`,
      );
      const before = await countRows(database);
      refusedBeforeWork.start();
      const response = await fetch(`${t.app.url}?query=${query}`, {
        headers: { "apollo-require-preflight": "1" },
      });
      expect(response.status).toBe(405);
      expect(await response.json()).toMatchObject({ errors: [expect.anything()] });
      refusedBeforeWork.check();
      expect(rowDelta(before, await countRows(database))).toEqual({});
    });

    it("logged no unexpected error while being abused", () => {
      expect(t.loggedErrors).toEqual([]);
    });
  });

  describe.skipIf(target.skipReason !== null)(`introspection in production on ${target.name}`, () => {
    let database: Database;
    let t: AbuseApp;
    const refusedBeforeWork = noWorkBetween(() => t);
    beforeAll(async () => {
      database = await target.open();
      t = await startAbuseApp(database, {
        env: {
          NODE_ENV: "production",
          LOG_LEVEL: "error",
          JWT_SIGNING_KEYS: `k1:${randomBytes(32).toString("base64url")}`,
          SECRET_BOX_KEY: randomBytes(32).toString("base64"),
        },
      });
      await sendGraphQL(t.app.url, `{ health { sandbox } }`);
    });
    afterAll(async () => {
      await t?.close();
      await database?.close();
      printObservations(`introspection in production on ${target.name}`);
    });

    it.each([
      ["__schema", `{ __schema { types { name fields { name } } } }`],
      ["__type", `{ __type(name: "User") { fields { name } } }`],
      ["__type hidden in a fragment", `{ ...F } fragment F on Query { __type(name: "Mutation") { name } }`],
      ["an ofType chain", ofTypeChain(5)],
    ])("refuses %s with 400, before any work", async (name, query) => {
      refusedBeforeWork.start();
      const response = await sendGraphQL(t.app.url, query);
      observe(`production: introspection via ${name}`, response);
      assertClean(response);
      expect(response.status).toBe(400);
      expect(codeOf(response)).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(response.text).not.toMatch(/"(?:Mutation|User|passwordHash)"/);
      refusedBeforeWork.check();

      const client = new GraphQLTestClient(t.app.url).ws();
      try {
        const overSocket = await wsOnce(client, query);
        expect(overSocket.data ?? undefined).toBeUndefined();
        expect(overSocket.errors?.[0]?.extensions?.["code"]).toBe("GRAPHQL_VALIDATION_FAILED");
      } finally {
        await client.dispose();
      }
    });

    it("does not let field suggestions stand in for introspection", async () => {
      const misspelt = `{ vieweer { emial } healht { version } }`;
      const response = await sendGraphQL(t.app.url, misspelt);
      observe("production: misspelt fields (suggestions)", response);
      assertClean(response);
      expect(response.status).toBe(400);
      expect(response.text).not.toMatch(/Did you mean/i);
      expect(response.text).not.toContain(`"viewer"`);

      const client = new GraphQLTestClient(t.app.url).ws();
      try {
        const overSocket = JSON.stringify(await wsOnce(client, misspelt));
        expect(overSocket).toContain("GRAPHQL_VALIDATION_FAILED");
        expect(overSocket).not.toMatch(/Did you mean/i);
      } finally {
        await client.dispose();
      }
    });

    it("still answers __typename, which clients need", async () => {
      const response = await sendGraphQL(t.app.url, `{ __typename health { sandbox } }`);
      expect(response.json?.data).toEqual({ __typename: "Query", health: { sandbox: true } });
    });
  });
}
