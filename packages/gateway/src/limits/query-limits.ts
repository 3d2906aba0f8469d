/**
 * The limits every GraphQL document meets before any resolver runs, on HTTP and WebSocket alike.
 * Sized for the dashboard's largest screen with room to spare; raise them deliberately.
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  maxCost: 5000,
  /** Largest page a connection serves; also what an unbounded connection is costed at. */
  maxPageSize: 100,
  /** Lists and objects inside the variables, the variables object counting one; our inputs use 3. */
  maxVariablesDepth: 32,
} as const;

/** Far above any legitimate document with variables, on HTTP and for one WebSocket message. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The `extensions.code` of each limit's error, stable for clients. */
export const LIMIT_ERROR_CODES = [
  "QUERY_TOO_DEEP",
  "TOO_MANY_ALIASES",
  "TOO_MANY_DIRECTIVES",
  "TOO_MANY_TOKENS",
  "QUERY_TOO_COMPLEX",
  "QUERY_TOO_LARGE",
  "VARIABLES_TOO_DEEP",
] as const;
export type LimitErrorCode = (typeof LIMIT_ERROR_CODES)[number];

/** Text size caps for string inputs: generous for people, fatal for abuse. */
export const TEXT_LIMITS = {
  email: 320,
  password: 1024,
  phone: 64,
  code: 64,
  token: 2048,
  id: 512,
  cursor: 512,
  /** Far past any amount (2^63 has 19 digits): longer ones are abuse, shorter ones get userErrors. */
  amount: 256,
  idempotencyKey: 512,
  reason: 2000,
} as const;
