import {
  domainError,
  Email,
  err,
  ok,
  PASSWORD_MAX_LENGTH,
  type DomainError,
  type Result,
  type User,
} from "@peykarband/domain";
import { auditEvent, recordAudit } from "../audit/record-audit.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { LogInErrorCode } from "./account-errors.ts";
import { openSession } from "./issue-session.ts";
import { checkSecondFactor } from "./second-factor.ts";
import type { SessionGrant } from "./session-grant.ts";
import { consumeAttempt, throttleKeys } from "./attempts.ts";
import { countSignInAttempt, signInCounters, signInSucceeded } from "./sign-in-throttle.ts";

export interface LogInInput {
  readonly email: string;
  readonly password: string;
  readonly totpCode?: string | null;
  readonly recoveryCode?: string | null;
}

type LogInResult = Result<SessionGrant, DomainError<LogInErrorCode>>;

const invalidCredentials = () => err(domainError("INVALID_CREDENTIALS", "Email or password is wrong."));

/**
 * Signs in with email and password, and a TOTP or recovery code when 2FA is on.
 * An unknown email and a wrong password give the same error after the same work.
 */
export async function logIn(deps: AccountDeps, input: LogInInput, ctx: RequestContext): Promise<LogInResult> {
  const email = Email.parse(input.email);
  const counters = signInCounters(email.ok ? email.value.value : input.email.slice(0, 254), ctx.ip);
  const counted = await countSignInAttempt(deps, counters, ctx);
  if (!counted.ok) return counted;

  const user = email.ok ? await deps.users.findByEmail(email.value) : null;
  if (!user || input.password.length > PASSWORD_MAX_LENGTH * 4) {
    await deps.passwords.verifyAgainstDummy(input.password.slice(0, PASSWORD_MAX_LENGTH * 4));
    await recordAudit(deps, ctx, "LOGIN_FAILED", { actorId: null, details: { reason: "UNKNOWN_EMAIL" } });
    return invalidCredentials();
  }
  const verification = await deps.passwords.verify(user.passwordHash, input.password);
  if (!verification.valid) {
    await recordAudit(deps, ctx, "LOGIN_FAILED", {
      actorId: null,
      subjectId: user.id,
      details: { reason: "WRONG_PASSWORD" },
    });
    return invalidCredentials();
  }
  // The password is right; the second factor has its own counter, so a known password
  // cannot be used to reset the limit on guessing codes.
  await signInSucceeded(deps, counters);

  const secondFactor = await passSecondFactor(deps, user, input, ctx);
  if (!secondFactor.ok) return secondFactor;

  if (verification.needsRehash) {
    await deps.users.updatePasswordHash(user.id, await deps.passwords.hash(input.password));
  }
  const signedIn = auditEvent(deps, ctx, "LOGIN_SUCCEEDED", { actorId: user.id, subjectId: user.id });
  return ok(await openSession(deps, user, signedIn));
}

async function passSecondFactor(
  deps: AccountDeps,
  user: User,
  input: LogInInput,
  ctx: RequestContext,
): Promise<Result<true, DomainError<LogInErrorCode>>> {
  if (user.twoFactor.status !== "ENABLED") return ok(true);
  const code = input.totpCode?.trim() || input.recoveryCode?.trim();
  if (!code) {
    return err(
      domainError("TWO_FACTOR_REQUIRED", "Enter the code from your authenticator app.", ["totpCode"]),
    );
  }
  const key = throttleKeys.secondFactor(user.id);
  const attempt = await consumeAttempt(deps, key);
  if (!attempt.ok) return attempt;

  const check = await checkSecondFactor(deps, user, code);
  if (check === "INVALID") {
    await recordAudit(deps, ctx, "TWO_FACTOR_FAILED", { actorId: null, subjectId: user.id });
    const field = input.totpCode?.trim() ? "totpCode" : "recoveryCode";
    return err(domainError("INVALID_TWO_FACTOR_CODE", "The code is wrong or was already used.", [field]));
  }
  await deps.throttle.reset(key);
  if (check === "RECOVERY_CODE")
    await recordAudit(deps, ctx, "RECOVERY_CODE_USED", { actorId: user.id, subjectId: user.id });
  return ok(true);
}
