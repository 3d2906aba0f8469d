import { domainError, err, ok, type DomainError, type Result, type User } from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { AccessDeniedError, requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";
import { consumeAttempt, throttleKeys } from "./attempts.ts";
import { checkSecondFactor } from "./second-factor.ts";

/** Why a step-up was refused: what money-moving and role-changing mutations add to their codes. */
export type StepUpErrorCode =
  "SECOND_FACTOR_REQUIRED" | "SECOND_FACTOR_STALE" | "INVALID_TWO_FACTOR_CODE" | "TOO_MANY_ATTEMPTS";

/** The step-up check as a port, for the wallet and billing use cases that need it but no account deps. */
export type StepUp = (
  ctx: RequestContext,
  code: string | null | undefined,
) => Promise<Result<User, DomainError<StepUpErrorCode>>>;

/** The codes as a list, for the error-code lists of the mutations that step up. */
export const STEP_UP_ERROR_CODES = [
  "SECOND_FACTOR_REQUIRED",
  "SECOND_FACTOR_STALE",
  "INVALID_TWO_FACTOR_CODE",
  "TOO_MANY_ATTEMPTS",
] as const satisfies readonly StepUpErrorCode[];

type ProofError = DomainError<"INVALID_TWO_FACTOR_CODE" | "TOO_MANY_ATTEMPTS">;

/**
 * Step-up, as GitHub's sudo mode: the caller's session proved a second factor within
 * `policy.secondFactorFreshSeconds`, or `code` (a TOTP or recovery code) proves it now and starts
 * that window. Codes are claimed once (the TOTP replay guard) and throttled like sign-in's second
 * factor. An account without 2FA cannot step up at all; an API key has no second factor, and
 * never reaches here (its scope rule refuses these fields), so it is a bug or an attack.
 */
export async function requireFreshSecondFactor(
  deps: AccountDeps,
  ctx: RequestContext,
  code: string | null | undefined,
): Promise<Result<User, DomainError<StepUpErrorCode>>> {
  const { user, sessionId } = await stepUpCaller(deps, ctx);
  if (user.twoFactor.status !== "ENABLED") return secondFactorRequired();
  if (code?.trim()) {
    const proved = await proveSecondFactor(deps, ctx, user, sessionId, code);
    return proved.ok ? ok(user) : proved;
  }
  const family = await deps.sessions.findFamily(sessionId);
  const provedAt = family?.secondFactorAt;
  const age = provedAt ? deps.clock.now().getTime() - provedAt.getTime() : Infinity;
  if (age <= deps.policy.secondFactorFreshSeconds * 1000) return ok(user);
  return err(
    domainError(
      "SECOND_FACTOR_STALE",
      "Confirm with a code from your authenticator app (confirmSecondFactor or totpCode) first.",
      ["totpCode"],
    ),
  );
}

/** The signed-in caller and their session; an API key or a vanished user is refused outright. */
export async function stepUpCaller(
  deps: AccountDeps,
  ctx: RequestContext,
): Promise<{ user: User; sessionId: string }> {
  const viewer = requireViewer(ctx);
  if (viewer.apiKey || viewer.sessionId === null) throw new AccessDeniedError("FORBIDDEN");
  const user = await deps.users.findById(viewer.userId);
  if (!user) throw new AccessDeniedError("UNAUTHENTICATED");
  return { user, sessionId: viewer.sessionId };
}

export const secondFactorRequired = () =>
  err(
    domainError(
      "SECOND_FACTOR_REQUIRED" as const,
      "Turn on two-factor authentication first: this needs a code from your authenticator app.",
    ),
  );

/** Checks the code and marks the session as having proved a second factor now; returns when. */
export async function proveSecondFactor(
  deps: AccountDeps,
  ctx: RequestContext,
  user: User,
  sessionId: string,
  code: string,
): Promise<Result<Date, ProofError>> {
  const key = throttleKeys.secondFactor(user.id);
  const attempt = await consumeAttempt(deps, key);
  if (!attempt.ok) return attempt;
  const check = await checkSecondFactor(deps, user, code);
  if (check === "INVALID") {
    await recordAudit(deps, ctx, "TWO_FACTOR_FAILED", { actorId: user.id, subjectId: user.id });
    return err(
      domainError("INVALID_TWO_FACTOR_CODE", "The code is wrong or was already used.", ["totpCode"]),
    );
  }
  await deps.throttle.reset(key);
  if (check === "RECOVERY_CODE") {
    await recordAudit(deps, ctx, "RECOVERY_CODE_USED", { actorId: user.id, subjectId: user.id });
  }
  const at = deps.clock.now();
  if (!(await deps.sessions.markSecondFactor(sessionId, at))) throw new AccessDeniedError("UNAUTHENTICATED");
  return ok(at);
}
