import { GraphQLError, parse, type DocumentNode } from "graphql";
import { limitExceeded } from "../graphql/gateway-errors.ts";
import { QUERY_LIMITS } from "./query-limits.ts";

export const PARSE_OPTIONS = { maxTokens: QUERY_LIMITS.maxTokens } as const;

/**
 * graphql-js aborts with a syntax error past maxTokens; this gives that case its own code.
 * graphql 16 spells it "more that", so both spellings are accepted.
 */
export function isTooManyTokens(error: GraphQLError): boolean {
  return /^Syntax Error: Document contains more (?:than|that) \d+ tokens/.test(error.message);
}

/** The token-limited parse used on WebSocket, with the same outcomes Apollo gives on HTTP. */
export function parseDocument(query: string): DocumentNode | GraphQLError {
  try {
    return parse(query, PARSE_OPTIONS);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return isTooManyTokens(error)
      ? limitExceeded("TOO_MANY_TOKENS", error.message.replace(/^Syntax Error: /, ""))
      : new GraphQLError(error.message, { extensions: { code: "GRAPHQL_PARSE_FAILED" } });
  }
}
