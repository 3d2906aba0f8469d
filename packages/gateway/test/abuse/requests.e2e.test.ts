import type { Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUERY_LIMITS } from "../../src/limits/query-limits.ts";
import { countRows, noWorkBetween, rowDelta, startAbuseApp, type AbuseApp } from "./abuse-app.ts";
import { GraphQLTestClient, wsOnce } from "../support/graphql-client.ts";
import { assertClean, codeOf, send, sendGraphQL, type RawResponse } from "./abuse-client.ts";
import { observe, printObservations } from "./observations.ts";

const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { userErrors { code } } }`;
const credentials = { email: "victim@example.com", password: "wrong password 123" };

const ofTypeChain = (levels: number) =>
  `{ __type(name: "Query") { fields { type { ${"ofType { ".repeat(levels)}name${" }".repeat(levels)} } } } }`;
const page = `auditEvents(first: 100) { edges { node { id action actor { id email role } subject { id email role } details { key value } } } }`;
const farOverCost = `{ ${Array.from({ length: QUERY_LIMITS.maxAliases }, (_, i) => `p${i}: ${page}`).join(" ")} }`;

interface Case {
  readonly name: string;
  readonly request: (url: string) => Promise<RawResponse>;
  readonly status: number;
  /** `extensions.code` of the first error; a list when more than one refusal is right. */
  readonly code: string | readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: "malformed JSON",
    request: (url) => send(url, `{"query": "{ health { sandbox } }", `),
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: "JSON that is a string, not an object",
    request: (url) => send(url, `"{ health { sandbox } }"`),
    status: 400,
    code: "BAD_REQUEST",
  },
  { name: "JSON null", request: (url) => send(url, "null"), status: 400, code: "BAD_REQUEST" },
  { name: "empty JSON object", request: (url) => send(url, "{}"), status: 400, code: "BAD_REQUEST" },
  { name: "empty body", request: (url) => send(url, ""), status: 400, code: "BAD_REQUEST" },
  {
    name: "content type text/plain",
    request: (url) => send(url, `{"query":"{ health { sandbox } }"}`, { contentType: "text/plain" }),
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "content type application/graphql",
    request: (url) => send(url, `{ health { sandbox } }`, { contentType: "application/graphql" }),
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "content type form-urlencoded (a CSRF form post)",
    request: (url) =>
      send(url, `query=${encodeURIComponent(LOG_IN)}`, {
        contentType: "application/x-www-form-urlencoded",
      }),
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "content type multipart/form-data",
    request: (url) =>
      send(url, `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--`, {
        contentType: "multipart/form-data; boundary=x",
      }),
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "no content type",
    request: (url) =>
      send(url, new Blob([`{"query":"{ health { sandbox } }"}`]) as unknown as string, {
        contentType: null,
      }),
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "5 MB string argument",
    request: (url) => sendGraphQL(url, LOG_IN, { input: { ...credentials, password: "x".repeat(5 << 20) } }),
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
  {
    name: "5 MB query text",
    request: (url) => send(url, JSON.stringify({ query: `{ health { sandbox } } #${"x".repeat(5 << 20)}` })),
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
  {
    name: "a 700 KB comment in the query",
    request: (url) => sendGraphQL(url, `{ health { sandbox } } #${"x".repeat(700_000)}`),
    status: 413,
    code: "QUERY_TOO_LARGE",
  },
  {
    name: "10,000 aliases of a field",
    request: (url) =>
      sendGraphQL(
        url,
        `{ ${Array.from({ length: 10_000 }, (_, i) => `h${i}: health { sandbox }`).join(" ")} }`,
      ),
    // 200 KB of text: refused before it is parsed; either way no resolver runs.
    status: 413,
    code: "QUERY_TOO_LARGE",
  },
  {
    name: "10,000 aliases of logIn in one mutation",
    request: (url) =>
      sendGraphQL(
        url,
        `mutation { ${Array.from(
          { length: 10_000 },
          (_, i) =>
            `a${i}: logIn(input: { email: "victim@example.com", password: "guess${i}" }) { userErrors { code } }`,
        ).join(" ")} }`,
      ),
    status: 413,
    code: "QUERY_TOO_LARGE",
  },
  {
    name: "1,000 aliases of a field (under the size limit)",
    request: (url) =>
      sendGraphQL(
        url,
        `{ ${Array.from({ length: 1000 }, (_, i) => `h${i}: health { sandbox }`).join(" ")} }`,
      ),
    status: 400,
    // The token limit trips first, while parsing.
    code: ["TOO_MANY_TOKENS", "TOO_MANY_ALIASES"],
  },
  {
    name: `${QUERY_LIMITS.maxAliases + 1} aliases (just over the alias limit)`,
    request: (url) =>
      sendGraphQL(
        url,
        `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `h${i}: health { sandbox }`).join(" ")} }`,
      ),
    status: 400,
    code: "TOO_MANY_ALIASES",
  },
  {
    name: "nesting of 60 ofType levels (beyond the depth limit)",
    request: (url) => sendGraphQL(url, ofTypeChain(60)),
    status: 400,
    code: "QUERY_TOO_DEEP",
  },
  {
    name: "nesting just over the depth limit",
    request: (url) => sendGraphQL(url, ofTypeChain(QUERY_LIMITS.maxDepth)),
    status: 400,
    code: "QUERY_TOO_DEEP",
  },
  {
    name: "3,000 nested selection sets",
    request: (url) => sendGraphQL(url, `${"{ health ".repeat(3000)}${"}".repeat(3000)}`),
    status: 400,
    code: "TOO_MANY_TOKENS",
  },
  {
    name: "nested fragments spreading each other (cycle)",
    request: (url) =>
      sendGraphQL(
        url,
        `{ health { ...A } } fragment A on Health { version ...B } fragment B on Health { sandbox ...A }`,
      ),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
  },
  {
    name: "variables nested 200,000 arrays deep",
    request: (url) =>
      send(
        url,
        `{"query":"query($x: [String]) { health { sandbox } }","variables":{"x":${"[".repeat(200_000)}${"]".repeat(200_000)}}}`,
      ),
    status: 400,
    // JSON.parse copes; graphql-js then refuses the value for [String] without recursing into it.
    code: "GRAPHQL_VALIDATION_FAILED",
  },
  {
    name: "variables nested 100,000 objects deep in an input",
    request: (url) =>
      send(
        url,
        `{"query":${JSON.stringify(LOG_IN)},"variables":{"input":${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}}}`,
      ),
    status: 400,
    code: "VARIABLES_TOO_DEEP",
  },
  {
    name: "variables nested 100,000 arrays deep, undeclared",
    request: (url) =>
      send(
        url,
        `{"query":"{ health { sandbox } }","variables":{"x":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`,
      ),
    status: 400,
    code: "VARIABLES_TOO_DEEP",
  },
  {
    name: "a persisted query whose hash is not its text's",
    request: (url) =>
      send(
        url,
        JSON.stringify({
          query: "{ health { sandbox } }",
          extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
        }),
      ),
    status: 400,
    code: "PERSISTED_QUERY_HASH_MISMATCH",
  },
  {
    name: "a persisted query of an unknown version",
    request: (url) =>
      send(
        url,
        JSON.stringify({
          query: "{ health { sandbox } }",
          extensions: { persistedQuery: { version: 2, sha256Hash: "0".repeat(64) } },
        }),
      ),
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: `a query costing ${QUERY_LIMITS.maxAliases} × 100 pages (far over the cost limit)`,
    request: (url) => sendGraphQL(url, farOverCost),
    status: 400,
    code: "QUERY_TOO_COMPLEX",
  },
  {
    name: "a batch of 1,000 operations",
    request: (url) =>
      send(
        url,
        JSON.stringify(
          Array.from({ length: 1000 }, () => ({ query: LOG_IN, variables: { input: credentials } })),
        ),
      ),
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: "operationName not in the document",
    request: (url) => sendGraphQL(url, LOG_IN, { input: credentials }, { operationName: "Nope" }),
    status: 400,
    code: "OPERATION_RESOLUTION_FAILURE",
  },
  {
    name: "two operations and no operationName",
    request: (url) => sendGraphQL(url, `query A { health { sandbox } } ${LOG_IN}`, { input: credentials }),
    status: 400,
    code: "OPERATION_RESOLUTION_FAILURE",
  },
  {
    name: "operationName that is not a string",
    request: (url) =>
      send(
        url,
        JSON.stringify({ query: LOG_IN, variables: { input: credentials }, operationName: { $ne: 1 } }),
      ),
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: "variables that are not an object",
    request: (url) => send(url, JSON.stringify({ query: LOG_IN, variables: "input" })),
    status: 400,
    code: "BAD_REQUEST",
  },
  {
    name: "a document that does not parse",
    request: (url) => sendGraphQL(url, `mutation { logIn(input: { email: "a@b.c" ) }`),
    status: 400,
    code: "GRAPHQL_PARSE_FAILED",
  },
  {
    name: "a field that does not exist",
    request: (url) => sendGraphQL(url, `{ users { passwordHash } }`),
    status: 400,
    code: "GRAPHQL_VALIDATION_FAILED",
  },
];

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
