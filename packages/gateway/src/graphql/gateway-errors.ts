import { GraphQLError } from "graphql";

/** Top-level errors are only for the caller's or the server's fault (docs/api.md); each carries a stable code. */
export const unauthenticated = (message = "Sign in first: send a valid access token.") =>
  new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });

export const forbidden = (message = "Your role may not do this.") =>
  new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });

export const badUserInput = (message: string) =>
  new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

export const limitExceeded = (code: string, message: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * An API key without the scope a field needs, or on a field no key may call (requiredScope null).
 * `requiredScope` lets a partner's tooling say which scope to add to a new key.
 */
export const scopeMissing = (requiredScope: string | null) =>
  new GraphQLError(
    requiredScope
      ? `This API key lacks the scope ${requiredScope}; create a key with it.`
      : "An API key may not do this; sign in with a password instead.",
    { extensions: { code: "FORBIDDEN", requiredScope } },
  );
