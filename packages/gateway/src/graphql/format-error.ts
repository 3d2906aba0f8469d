import { unwrapResolverError } from "@apollo/server/errors";
import { AccessDeniedError } from "@peykarband/application";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { LIMIT_ERROR_CODES } from "../limits/query-limits.ts";
import { isTooManyTokens } from "../limits/parse-document.ts";

const INTERNAL: GraphQLFormattedError = {
  message: "Internal server error. Quote the x-request-id response header when reporting it.",
  extensions: { code: "INTERNAL_SERVER_ERROR" },
};

/** A bug or an outage, as opposed to an error we raised on purpose: these are logged with their stack. */
export function isUnexpected(error: unknown): boolean {
  const original = error instanceof GraphQLError ? unwrapResolverError(error) : error;
  return !(original instanceof GraphQLError) && !(original instanceof AccessDeniedError);
}

const limitCodeOf = (error: GraphQLError): string | null => {
  const code =
    error.originalError instanceof GraphQLError ? error.originalError.extensions["code"] : undefined;
  return typeof code === "string" && (LIMIT_ERROR_CODES as readonly string[]).includes(code) ? code : null;
};

/**
 * Apollo raises a few request errors of its own with an HTTP 4xx but no code, which it then
 * reports as INTERNAL_SERVER_ERROR: a persisted query whose hash is not its text's, or an
 * unknown persisted-query version.
 */
const requestCodeOf = (error: GraphQLError): string | null => {
  const http = error.extensions["http"] as { status?: unknown } | undefined;
  const status = typeof http?.status === "number" ? http.status : 500;
  if (error.extensions["code"] !== undefined || status < 400 || status >= 500) return null;
  return error.message === "provided sha does not match query"
    ? "PERSISTED_QUERY_HASH_MISMATCH"
    : "BAD_REQUEST";
};

const withCode = (formatted: GraphQLFormattedError, code: string): GraphQLFormattedError => ({
  ...formatted,
  extensions: { ...formatted.extensions, code },
});

/**
 * One error shape for HTTP and WebSocket: our codes survive Apollo's wrapping of validation and
 * parse errors, use-case access denials become UNAUTHENTICATED/FORBIDDEN, and anything
 * unexpected is reduced to INTERNAL_SERVER_ERROR with no message, path or stack from inside.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? unwrapResolverError(error) : error;
  if (original instanceof AccessDeniedError) {
    return {
      message: original.message,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: original.reason },
    };
  }
  if (isUnexpected(error)) return { ...INTERNAL, ...(formatted.path ? { path: formatted.path } : {}) };
  if (error instanceof GraphQLError) {
    const limitCode = limitCodeOf(error);
    if (limitCode) return withCode(formatted, limitCode);
    if (isTooManyTokens(error)) return withCode(formatted, "TOO_MANY_TOKENS");
    const requestCode = requestCodeOf(error);
    if (requestCode) return withCode(formatted, requestCode);
  }
  return formatted;
}
