import { codeOf, sendGraphQL, userErrorCodes, type RawResponse } from "./abuse-client.ts";
import {
  CHANGE_USER_ROLE,
  CONFIRM_TWO_FACTOR_SETUP,
  DISABLE_TWO_FACTOR,
  LOG_IN,
  PASSWORD,
  REFRESH_SESSION,
  REGISTER_USER,
  START_TWO_FACTOR_SETUP,
  type Account,
} from "./accounts-kit.ts";
import type { Argon2Run } from "./counting-password-hasher.ts";

export const PAYLOADS = [`' OR 1=1 --`, `"; DROP TABLE users; --`, `<script>alert(1)</script>`] as const;

const globalId = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString("base64url");
const auditCursor = (id: string) => Buffer.from(`2026-01-01T00:00:00.000Z|${id}`).toString("base64url");

export interface Fixture {
  readonly url: string;
  readonly customer: Account;
  readonly admin: string;
  readonly twoFactor: Account & { readonly email: string };
  readonly pending: Account;
}

interface InputCase {
  readonly name: string;
  /** The argon2 runs the path makes: sign-up hashes, sign-in and re-authentication verify. */
  readonly argon2: readonly Argon2Run[];
  readonly send: (f: Fixture, payload: string, n: number) => Promise<RawResponse>;
  /** The mutation field whose userErrors to read, or null for a query. */
  readonly field: string | null;
  /** The right outcome: userErrors codes, "OK" for none, or a top-level code for queries. */
  readonly expected: string;
}

/** Hostile strings in every input that reaches SQL or a page, and the outcome each path must give. */
export const CASES: readonly InputCase[] = [
  {
    name: "registerUser.email",
    argon2: [],
    field: "registerUser",
    expected: "INVALID_EMAIL",
    send: (f, p) => sendGraphQL(f.url, REGISTER_USER, { input: { email: p, password: PASSWORD } }),
  },
  {
    name: "registerUser.password",
    argon2: ["hash"],
    field: "registerUser",
    // Any text is a fine password: it must be stored as a hash, and sign-in must work with it.
    expected: "OK",
    send: (f, p, n) =>
      sendGraphQL(f.url, REGISTER_USER, { input: { email: `pw-${n}@example.com`, password: p } }),
  },
  {
    name: "registerUser.phone",
    argon2: [],
    field: "registerUser",
    expected: "INVALID_PHONE",
    send: (f, p, n) =>
      sendGraphQL(f.url, REGISTER_USER, {
        input: { email: `ph-${n}@example.com`, password: PASSWORD, phone: p },
      }),
  },
  {
    name: "logIn.email",
    argon2: ["verify-dummy"],
    field: "logIn",
    expected: "INVALID_CREDENTIALS",
    send: (f, p) => sendGraphQL(f.url, LOG_IN, { input: { email: p, password: PASSWORD } }),
  },
  {
    name: "logIn.password",
    argon2: ["verify"],
    field: "logIn",
    expected: "INVALID_CREDENTIALS",
    send: (f, p) => sendGraphQL(f.url, LOG_IN, { input: { email: "customer@example.com", password: p } }),
  },
  {
    name: "logIn.totpCode",
    argon2: ["verify"],
    field: "logIn",
    expected: "INVALID_TWO_FACTOR_CODE",
    send: (f, p) =>
      sendGraphQL(f.url, LOG_IN, { input: { email: f.twoFactor.email, password: PASSWORD, totpCode: p } }),
  },
  {
    name: "logIn.recoveryCode",
    argon2: ["verify"],
    field: "logIn",
    expected: "INVALID_TWO_FACTOR_CODE",
    send: (f, p) =>
      sendGraphQL(f.url, LOG_IN, {
        input: { email: f.twoFactor.email, password: PASSWORD, recoveryCode: p },
      }),
  },
  {
    name: "refreshSession.refreshToken",
    argon2: [],
    field: "refreshSession",
    expected: "INVALID_REFRESH_TOKEN",
    send: (f, p) => sendGraphQL(f.url, REFRESH_SESSION, { input: { refreshToken: p } }),
  },
  {
    name: "startTwoFactorSetup.password",
    argon2: ["verify"],
    field: "startTwoFactorSetup",
    expected: "INVALID_PASSWORD",
    send: (f, p) =>
      sendGraphQL(
        f.url,
        START_TWO_FACTOR_SETUP,
        { input: { password: p } },
        { token: f.customer.accessToken },
      ),
  },
  {
    name: "confirmTwoFactorSetup.code",
    argon2: [],
    field: "confirmTwoFactorSetup",
    expected: "INVALID_TWO_FACTOR_CODE",
    send: (f, p) =>
      sendGraphQL(f.url, CONFIRM_TWO_FACTOR_SETUP, { input: { code: p } }, { token: f.pending.accessToken }),
  },
  {
    name: "disableTwoFactor.password",
    argon2: ["verify"],
    field: "disableTwoFactor",
    expected: "INVALID_PASSWORD",
    send: (f, p) =>
      sendGraphQL(
        f.url,
        DISABLE_TWO_FACTOR,
        { input: { password: p, code: "123456" } },
        { token: f.twoFactor.accessToken },
      ),
  },
  {
    name: "disableTwoFactor.code",
    argon2: ["verify"],
    field: "disableTwoFactor",
    expected: "INVALID_TWO_FACTOR_CODE",
    send: (f, p) =>
      sendGraphQL(
        f.url,
        DISABLE_TWO_FACTOR,
        { input: { password: PASSWORD, code: p } },
        { token: f.twoFactor.accessToken },
      ),
  },
  {
    name: "changeUserRole.userId",
    argon2: [],
    field: "changeUserRole",
    expected: "USER_NOT_FOUND",
    send: (f, p) =>
      sendGraphQL(f.url, CHANGE_USER_ROLE, { input: { userId: p, role: "ADMIN" } }, { token: f.admin }),
  },
  {
    name: "changeUserRole.userId as a well-formed User id",
    argon2: [],
    field: "changeUserRole",
    expected: "USER_NOT_FOUND",
    send: (f, p) =>
      sendGraphQL(
        f.url,
        CHANGE_USER_ROLE,
        { input: { userId: globalId("User", p), role: "ADMIN" } },
        { token: f.admin },
      ),
  },
  {
    name: "node(id) as a well-formed User id (admin)",
    argon2: [],
    field: null,
    expected: "null",
    send: (f, p) =>
      sendGraphQL(
        f.url,
        `query($id: ID!) { node(id: $id) { id } }`,
        { id: globalId("User", p) },
        { token: f.admin },
      ),
  },
  {
    name: "node(id) as a well-formed AuditEvent id (admin)",
    argon2: [],
    field: null,
    expected: "null",
    send: (f, p) =>
      sendGraphQL(
        f.url,
        `query($id: ID!) { node(id: $id) { id } }`,
        { id: globalId("AuditEvent", p) },
        { token: f.admin },
      ),
  },
  {
    name: "auditEvents(actorId) as a well-formed User id",
    argon2: [],
    field: null,
    // A bad id names no one (docs/api.md, "Ids and node"): nobody's events, an empty page.
    expected: "empty",
    send: (f, p) =>
      sendGraphQL(
        f.url,
        `query($id: ID) { auditEvents(first: 5, actorId: $id) { nodes { id } } }`,
        { id: globalId("User", p) },
        { token: f.admin },
      ),
  },
  {
    name: "auditEvents(after) as a well-formed cursor",
    argon2: [],
    field: null,
    expected: "BAD_USER_INPUT",
    send: (f, p) =>
      sendGraphQL(
        f.url,
        `query($after: String) { auditEvents(first: 5, after: $after) { nodes { id } } }`,
        { after: auditCursor(p) },
        { token: f.admin },
      ),
  },
];

export function outcomeOf(response: RawResponse, field: string | null): string {
  if (field !== null) return userErrorCodes(response, field)[0] ?? "OK";
  const code = codeOf(response);
  if (typeof code === "string") return code;
  const data = response.json?.data ?? {};
  if ("node" in data) return data["node"] === null ? "null" : "found";
  const events = data["auditEvents"] as { nodes?: unknown[] } | undefined;
  if (events?.nodes?.length === 0) return "empty";
  return "found";
}
