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
