import type { DomainError } from "@peykarband/domain";
import type { GraphQLContext } from "../../context/graphql-context.ts";
import { USER_ERROR_CATALOG, type UserErrorCode } from "../../i18n/user-error-catalog.ts";
import type { UserErrorView } from "./user-error.factory.ts";

/** A use case's expected failure as the payload's `userErrors`, in the caller's language. */
export function toUserErrors<C extends UserErrorCode>(
  error: DomainError<C>,
  ctx: GraphQLContext,
): UserErrorView<C>[] {
  ctx.outcome.userErrors = true;
  return [
    {
      field: error.field ? ["input", ...error.field] : null,
      code: error.code,
      message: ctx.locale === "fa" ? USER_ERROR_CATALOG[error.code].fa : error.message,
    },
  ];
}
