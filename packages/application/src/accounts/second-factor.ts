import { toAsciiDigits, type User } from "@peykarband/domain";
import type { AccountDeps } from "./account-deps.ts";

export type SecondFactorCheck = "TOTP" | "RECOVERY_CODE" | "INVALID";

const TOTP_SHAPE = /^\d{6}$/;
const RECOVERY_CODE_GROUP = 5;

/** Recovery codes are shown as XXXXX-XXXXX; compare them without case, spaces or dashes. */
export const canonicalRecoveryCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, "");

export const formatRecoveryCode = (raw: string): string =>
  `${raw.slice(0, RECOVERY_CODE_GROUP)}-${raw.slice(RECOVERY_CODE_GROUP)}`;

/** A TOTP code is accepted once: its time step is claimed atomically, so a replay fails. */
export async function checkTotp(deps: AccountDeps, userId: string, sealedSecret: string, code: string) {
  const digits = toAsciiDigits(code.trim());
  if (!TOTP_SHAPE.test(digits)) return false;
  const step = await deps.totp.matchStep(deps.secretBox.open(sealedSecret), digits);
  return step !== null && deps.users.claimTotpStep(userId, step);
}

/** Checks a six-digit TOTP code or, failing its shape, a one-time recovery code. */
export async function checkSecondFactor(
  deps: AccountDeps,
  user: User,
  code: string,
): Promise<SecondFactorCheck> {
  if (user.twoFactor.status !== "ENABLED") return "INVALID";
  if (TOTP_SHAPE.test(toAsciiDigits(code.trim()))) {
    return (await checkTotp(deps, user.id, user.twoFactor.encryptedSecret, code)) ? "TOTP" : "INVALID";
  }
  const consumed = await deps.recoveryCodes.consume(user.id, deps.digest.sha256(canonicalRecoveryCode(code)));
  return consumed ? "RECOVERY_CODE" : "INVALID";
}
