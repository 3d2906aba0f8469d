import { ok, type DomainError, type Result } from "@peykarband/domain";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { ConfirmSecondFactorErrorCode } from "./account-errors.ts";
import { proveSecondFactor, secondFactorRequired, stepUpCaller } from "./step-up.ts";

export interface ConfirmSecondFactorInput {
  /** A six-digit TOTP code or a recovery code. */
  readonly code: string;
}

/**
 * Proves a second factor for the caller's session, so that money-moving and role-changing
 * mutations run without a code of their own until `freshUntil` (docs/api.md, "Step-up").
 */
export async function confirmSecondFactor(
  deps: AccountDeps,
  input: ConfirmSecondFactorInput,
  ctx: RequestContext,
): Promise<Result<{ freshUntil: Date }, DomainError<ConfirmSecondFactorErrorCode>>> {
  const { user, sessionId } = await stepUpCaller(deps, ctx);
  if (user.twoFactor.status !== "ENABLED") return secondFactorRequired();
  const proved = await proveSecondFactor(deps, ctx, user, sessionId, input.code);
  if (!proved.ok) return proved;
  return ok({ freshUntil: new Date(proved.value.getTime() + deps.policy.secondFactorFreshSeconds * 1000) });
}
