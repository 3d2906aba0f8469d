import type { GraphQLFormattedError } from "graphql";
import { ClientError } from "graphql-request";

export { ClientError } from "graphql-request";

/**
 * A subscription refused or ended by the API: `errors[].extensions.code` says why, e.g.
 * UNAUTHENTICATED, NOT_FOUND or TOO_MANY_SUBSCRIPTIONS.
 */
export class SubscriptionError extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors.map((error) => error.message).join("; ") || "The subscription failed.");
    this.name = "SubscriptionError";
  }
}

/** The `extensions.code` of each top-level GraphQL error in a rejection from the client; empty for other errors. */
export function errorCodes(error: unknown): string[] {
  const errors =
    error instanceof ClientError
      ? (error.response.errors ?? [])
      : error instanceof SubscriptionError
        ? error.errors
        : [];
  return errors.flatMap((e) => {
    const code = e.extensions?.["code"];
    return typeof code === "string" ? [code] : [];
  });
}
