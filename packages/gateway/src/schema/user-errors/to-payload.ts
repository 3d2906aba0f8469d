import type { DomainError, Result } from "@peykarband/domain";
import type { GraphQLContext } from "../../context/graphql-context.ts";
import type { UserErrorCode } from "../../i18n/user-error-catalog.ts";
import { toUserErrors } from "./to-user-errors.ts";
import type { UserErrorView } from "./user-error.factory.ts";

/** What a mutation's resolver returns: its payload, the data fields left out (so null) on failure. */
export type PayloadView<P extends { userErrors: unknown }> = Partial<P> & Pick<P, "userErrors">;

/**
 * The one mapping from a use case's result to a mutation's payload. Success: the data, no
 * userErrors. Failure: the userErrors in the caller's language and no data, except what
 * `onFailure` says a failure still reports (how long to wait, say).
 */
export async function toPayload<
  T,
  E extends DomainError<UserErrorCode>,
  D extends object,
  F extends object = Record<never, never>,
>(
  result: Result<T, E>,
  ctx: GraphQLContext,
  onSuccess: (value: T) => D | Promise<D>,
  onFailure?: (error: E) => F,
): Promise<Partial<D & F> & { userErrors: UserErrorView<E["code"]>[] }> {
  if (result.ok) return { ...(await onSuccess(result.value)), userErrors: [] };
  const error: DomainError<E["code"]> = result.error;
  const reported = (onFailure?.(result.error) ?? {}) as Partial<D & F>;
  return { ...reported, userErrors: toUserErrors(error, ctx) };
}
