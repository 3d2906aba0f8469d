import { QUERY_LIMITS } from "../../src/limits/query-limits.ts";
import { send, sendGraphQL, type RawResponse } from "./abuse-client.ts";

const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { userErrors { code } } }`;
const credentials = { email: "victim@example.com", password: "wrong password 123" };

export const ofTypeChain = (levels: number) =>
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

/** The abusive requests the gateway must refuse before any work, each with the refusal it must give. */
export const CASES: readonly Case[] = [
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
