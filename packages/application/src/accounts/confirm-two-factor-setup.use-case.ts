import { domainError, err, ok, type DomainError, type Result, type User } from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { AccessDeniedError, requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { ConfirmTwoFactorSetupErrorCode } from "./account-errors.ts";
import { canonicalRecoveryCode, checkTotp, formatRecoveryCode } from "./second-factor.ts";
import { consumeAttempt, throttleKeys } from "./attempts.ts";

export interface ConfirmTwoFactorSetupInput {
  readonly code: string;
}

const RECOVERY_CODE_COUNT = 10;
const RECOVERY_CODE_LENGTH = 10;

/** Turns 2FA on once the user proves their app shows the right code; hands out one-time recovery codes. */
export async function confirmTwoFactorSetup(
  deps: AccountDeps,
  input: ConfirmTwoFactorSetupInput,
  ctx: RequestContext,
): Promise<Result<{ recoveryCodes: string[]; user: User }, DomainError<ConfirmTwoFactorSetupErrorCode>>> {
  const viewer = requireViewer(ctx);
  const user = await deps.users.findById(viewer.userId);
  if (!user) throw new AccessDeniedError("UNAUTHENTICATED");
  if (user.twoFactor.status !== "PENDING") {
    return err(domainError("TWO_FACTOR_NOT_STARTED", "Start two-factor setup first."));
  }
  const key = throttleKeys.secondFactor(user.id);
  const attempt = await consumeAttempt(deps, key);
  if (!attempt.ok) return attempt;
  if (!(await checkTotp(deps, user.id, user.twoFactor.encryptedSecret, input.code))) {
    await recordAudit(deps, ctx, "TWO_FACTOR_FAILED", { subjectId: user.id });
    return err(domainError("INVALID_TWO_FACTOR_CODE", "The code is wrong or was already used.", ["code"]));
  }
  await deps.throttle.reset(key);

  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    formatRecoveryCode(deps.random.code(RECOVERY_CODE_LENGTH)),
  );
  await deps.recoveryCodes.replaceAll(
    user.id,
    recoveryCodes.map((code) => deps.digest.sha256(canonicalRecoveryCode(code))),
  );
  const twoFactor = { status: "ENABLED" as const, encryptedSecret: user.twoFactor.encryptedSecret };
  await deps.users.updateTwoFactor(user.id, twoFactor);
  await recordAudit(deps, ctx, "TWO_FACTOR_ENABLED", { subjectId: user.id });
  return ok({ recoveryCodes, user: { ...user, twoFactor } });
}
