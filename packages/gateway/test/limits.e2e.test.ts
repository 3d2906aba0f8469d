import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUERY_LIMITS } from "../src/limits/query-limits.ts";
import { GraphQLTestClient, wsOnce } from "./support/graphql-client.ts";
import { startTestApp, type TestApp } from "./support/test-app.ts";

// Introspection is the only part of the schema nested deeply enough to go past the limit.
const deep = (levels: number) =>
  `{ __type(name: "Query") { fields { type { ${"ofType { ".repeat(levels)}name${" }".repeat(levels)} } } } }`;
const aliases = (count: number) =>
  `{ ${Array.from({ length: count }, (_, i) => `h${i}: health { sandbox }`).join(" ")} }`;
const directives = (count: number) => `{ health { sandbox ${"@include(if: true) ".repeat(count)} } }`;
const tokens = (count: number) => `{ ${"health { sandbox } ".repeat(Math.ceil(count / 4))} }`;
const page = `auditEvents(first: 100) { edges { node { id action actor { id email role } subject { id email role } details { key value } } } }`;
const costly = `{ a: ${page} b: ${page} c: ${page} d: ${page} }`;

const codeOf = (body: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  body.errors?.[0]?.extensions?.["code"];

describe("limits, identical on HTTP and WebSocket, before any resolver runs", () => {
  let t: TestApp;
  let api: GraphQLTestClient;
  beforeAll(async () => {
    t = await startTestApp();
    api = new GraphQLTestClient(t.app.url);
  });
  afterAll(() => t?.close());

  const cases: [string, string, string][] = [
    ["depth", deep(QUERY_LIMITS.maxDepth), "QUERY_TOO_DEEP"],
    ["aliases", aliases(QUERY_LIMITS.maxAliases + 1), "TOO_MANY_ALIASES"],
    ["directives", directives(QUERY_LIMITS.maxDirectives + 1), "TOO_MANY_DIRECTIVES"],
    ["tokens", tokens(QUERY_LIMITS.maxTokens + 10), "TOO_MANY_TOKENS"],
    ["cost", costly, "QUERY_TOO_COMPLEX"],
  ];

  it.each(cases)("refuses too many %s over HTTP with 400 and over WebSocket", async (_name, query, code) => {
    const http = await api.post(query);
    expect(http.status).toBe(400);
    expect(codeOf(http.body)).toBe(code);
    expect(http.body.data).toBeUndefined();

    const client = api.ws();
    try {
      expect(codeOf(await wsOnce(client, query))).toBe(code);
    } finally {
      await client.dispose();
    }
  });

  it("accepts documents within the limits and reports their cost", async () => {
    const ok = await api.post(aliases(QUERY_LIMITS.maxAliases));
    expect(ok.status).toBe(200);
    expect(ok.body.extensions?.["cost"]).toEqual({
      requested: QUERY_LIMITS.maxAliases * 2,
      limit: QUERY_LIMITS.maxCost,
    });
  });

  it("refuses an out-of-range page size as bad input", async () => {
    const response = await api.post(`{ auditEvents(first: 1000) { nodes { id } } }`);
    expect(codeOf(response.body)).not.toBe("INTERNAL_SERVER_ERROR");
    expect(response.body.errors).toBeDefined();
  });
});

describe("HTTP edges answer JSON with a 4xx, never HTML or 500", () => {
  let t: TestApp;
  let api: GraphQLTestClient;
  beforeAll(async () => {
    t = await startTestApp();
    api = new GraphQLTestClient(t.app.url);
  });
  afterAll(() => t?.close());

  it("413 for a 5 MB string argument", async () => {
    const response = await api.post(
      `mutation($input: LogInInput!) { logIn(input: $input) { userErrors { code } } }`,
      {
        input: { email: "a@example.com", password: "x".repeat(5 * 1024 * 1024) },
      },
    );
    expect(response.status).toBe(413);
    expect(codeOf(response.body)).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses an oversized string under the body limit before the use case", async () => {
    const response = await api.post(
      `mutation($input: LogInInput!) { logIn(input: $input) { userErrors { code } } }`,
      {
        input: { email: "a@example.com", password: "x".repeat(100_000) },
      },
    );
    expect(response.status).toBe(200);
    expect(codeOf(response.body)).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(response.body)).not.toContain("xxxxxxxx");
  });

  it("400 for malformed JSON, 415 for another content type, 400 for a batch", async () => {
    const malformed = await api.raw(`{"query": `);
    expect([malformed.status, codeOf(malformed.body)]).toEqual([400, "BAD_REQUEST"]);
    const text = await api.raw(`{ health { sandbox } }`, { contentType: "text/plain" });
    expect([text.status, codeOf(text.body)]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const batch = await api.raw(
      JSON.stringify([{ query: "{ health { sandbox } }" }, { query: "{ viewer { id } }" }]),
    );
    expect(batch.status).toBe(400);
    expect(batch.body.errors?.[0]?.message).toMatch(/batch/i);
  });

  it("answers GET queries that carry a CSRF preflight header, and refuses those that do not", async () => {
    const url = `${t.app.url}?query=${encodeURIComponent("{ health { sandbox } }")}`;
    const allowed = await fetch(url, { headers: { "apollo-require-preflight": "1" } });
    expect([allowed.status, await allowed.json()]).toMatchObject([
      200,
      { data: { health: { sandbox: true } } },
    ]);
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
  });

  it("serves probes on its port and metrics on the metrics port only", async () => {
    const base = t.app.url.replace(/\/graphql$/, "");
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: "ok", checks: { database: "ok" } }]);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    await api.post(`{ health { version } }`);
    const metrics = await (await fetch(t.app.metricsUrl!)).text();
    expect(metrics).toContain('graphql_requests_total{operation="query.health",outcome="ok"}');
    expect(metrics).toContain("graphql_request_duration_seconds_bucket");
    expect(metrics).toContain("process_cpu_user_seconds_total");
    const missing = await fetch(`${base}/nope`);
    expect([missing.status, missing.headers.get("content-type")]).toEqual([
      404,
      expect.stringContaining("json"),
    ]);
  });

  it("echoes a sane x-request-id and replaces an unsafe one", async () => {
    const kept = await api.post(
      `{ health { sandbox } }`,
      {},
      { headers: { "x-request-id": "trace-12345678" } },
    );
    expect(kept.headers.get("x-request-id")).toBe("trace-12345678");
    const replaced = await api.post(
      `{ health { sandbox } }`,
      {},
      { headers: { "x-request-id": "bad id with spaces" } },
    );
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
