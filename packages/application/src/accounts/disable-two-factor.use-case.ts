import { domainError, err, ok, type DomainError, type Result, type User } from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { DisableTwoFactorErrorCode } from "./account-errors.ts";
import { reauthenticate } from "./reauthenticate.ts";
import { checkSecondFactor } from "./second-factor.ts";
import { consumeAttempt, throttleKeys } from "./attempts.ts";

export interface DisableTwoFactorInput {
  readonly password: string;
  /** A current TOTP code or an unused recovery code. */
  readonly code: string;
}

/** Turns 2FA off; needs both the password and a second factor, and drops the recovery codes. */
export async function disableTwoFactor(
  deps: AccountDeps,
  input: DisableTwoFactorInput,
  ctx: RequestContext,
): Promise<Result<{ user: User }, DomainError<DisableTwoFactorErrorCode>>> {
  const user = await reauthenticate(deps, ctx, input.password);
  if (!user.ok) return user;
  if (user.value.twoFactor.status !== "ENABLED") {
    return err(domainError("TWO_FACTOR_NOT_ENABLED", "Two-factor authentication is not on."));
  }
  const key = throttleKeys.secondFactor(user.value.id);
  const attempt = await consumeAttempt(deps, key);
  if (!attempt.ok) return attempt;
  if ((await checkSecondFactor(deps, user.value, input.code)) === "INVALID") {
    await recordAudit(deps, ctx, "TWO_FACTOR_FAILED", { subjectId: user.value.id });
    return err(domainError("INVALID_TWO_FACTOR_CODE", "The code is wrong or was already used.", ["code"]));
  }
  await deps.throttle.reset(key);
  await deps.users.updateTwoFactor(user.value.id, { status: "DISABLED" });
  await deps.recoveryCodes.deleteAll(user.value.id);
  await recordAudit(deps, ctx, "TWO_FACTOR_DISABLED", { subjectId: user.value.id });
  return ok({ user: { ...user.value, twoFactor: { status: "DISABLED" } } });
}
