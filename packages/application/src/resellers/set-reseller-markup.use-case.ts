import {
  domainError,
  err,
  isMarkupBasisPoints,
  MAX_MARKUP_BASIS_POINTS,
  ok,
  type DomainError,
  type Result,
} from "@peykarband/domain";
import type { AccountDeps } from "../accounts/account-deps.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { SetResellerMarkupErrorCode } from "./reseller-errors.ts";

/**
 * RESELLER only: its markup over our prices, in basis points (1 500 = 15 %). Its customers see and
 * are charged our prices plus the markup from their next order on; servers already ordered keep the
 * rate they were ordered at.
 */
export async function setResellerMarkup(
  deps: AccountDeps,
  input: { basisPoints: number },
  ctx: RequestContext,
): Promise<Result<{ basisPoints: number }, DomainError<SetResellerMarkupErrorCode>>> {
  const reseller = requireRole(ctx, ["RESELLER"]);
  if (!isMarkupBasisPoints(input.basisPoints)) {
    return err(
      domainError("INVALID_MARKUP", `A markup is 0 to ${MAX_MARKUP_BASIS_POINTS} whole basis points.`, [
        "basisPoints",
      ]),
    );
  }
  await deps.markups.setMarkup(reseller.userId, input.basisPoints, deps.clock.now());
  await recordAudit(deps, ctx, "RESELLER_MARKUP_SET", {
    details: { basisPoints: String(input.basisPoints) },
  });
  return ok({ basisPoints: input.basisPoints });
}
