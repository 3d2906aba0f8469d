import { domainError, err, ok, type DomainError, type Result } from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { StartTwoFactorSetupErrorCode } from "./account-errors.ts";
import { reauthenticate } from "./reauthenticate.ts";

export interface StartTwoFactorSetupInput {
  readonly password: string;
}

export interface TwoFactorSetup {
  readonly secret: string;
  readonly otpauthUri: string;
}

/** Creates a TOTP secret for the account; 2FA turns on only when a code from it is confirmed. */
export async function startTwoFactorSetup(
  deps: AccountDeps,
  input: StartTwoFactorSetupInput,
  ctx: RequestContext,
): Promise<Result<TwoFactorSetup, DomainError<StartTwoFactorSetupErrorCode>>> {
  const user = await reauthenticate(deps, ctx, input.password);
  if (!user.ok) return user;
  if (user.value.twoFactor.status === "ENABLED") {
    return err(domainError("TWO_FACTOR_ALREADY_ENABLED", "Two-factor authentication is already on."));
  }
  const secret = deps.totp.generateSecret();
  await deps.users.updateTwoFactor(user.value.id, {
    status: "PENDING",
    encryptedSecret: deps.secretBox.seal(secret),
  });
  await recordAudit(deps, ctx, "TWO_FACTOR_SETUP_STARTED", { subjectId: user.value.id });
  return ok({ secret, otpauthUri: deps.totp.keyUri(user.value.email.value, secret) });
}
