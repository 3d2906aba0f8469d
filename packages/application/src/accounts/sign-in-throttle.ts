import { ok, type DomainError, type Result } from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";
import { throttleKeys, tooManyAttempts } from "./attempts.ts";

/** The three counters one sign-in attempt is held against. */
export interface SignInCounters {
  /** Strict: this account from this address. */
  readonly accountFromIp: string;
  /** This address, across accounts (credential stuffing). */
  readonly ip: string;
  /** This account, across addresses: past its threshold the account is guarded, never locked. */
  readonly account: string;
}

export const signInCounters = (email: string, ip: string | null): SignInCounters => ({
  accountFromIp: throttleKeys.loginAccountFromIp(email, ip),
  ip: throttleKeys.loginIp(ip),
  account: throttleKeys.loginAccount(email),
});

/**
 * Counts the attempt on all three counters before anything is checked, so parallel attempts
 * (aliases, batches, many sockets) cannot outrun them; `signInSucceeded` gives the attempt back.
 * An account that many addresses guess at is guarded: each address keeps only its first
 * `guardedAttemptsPerAddress` attempts, so the owner, from an address that has not been guessing,
 * still signs in. Locking the account itself would let anyone keep its owner out.
 */
export async function countSignInAttempt(
  deps: AccountDeps,
  counters: SignInCounters,
  ctx: RequestContext,
): Promise<Result<true, DomainError<"TOO_MANY_ATTEMPTS">>> {
  const policy = deps.policy;
  const window = policy.attemptWindowSeconds;
  const [fromIp, byIp, byAccount] = await Promise.all([
    deps.throttle.consume(counters.accountFromIp, policy.maxAttemptsPerAccount, window),
    deps.throttle.consume(counters.ip, policy.maxAttemptsPerIp, window),
    deps.throttle.consume(counters.account, policy.accountGuardAfterAttempts, window),
  ]);
  const guarded = !byAccount.allowed && fromIp.attempts > policy.guardedAttemptsPerAddress;
  // One event per counter and window: hammering a locked address must not grow the log.
  const firstRefusal = byIp.firstRefusal
    ? "ip"
    : fromIp.firstRefusal
      ? "account"
      : byAccount.firstRefusal
        ? "account-guard"
        : null;
  if (firstRefusal) {
    await recordAudit(deps, ctx, "LOGIN_THROTTLED", { actorId: null, details: { by: firstRefusal } });
  }
  if (byIp.allowed && fromIp.allowed && !guarded) return ok(true);
  return tooManyAttempts(
    Math.max(byIp.retryAfterSeconds, fromIp.retryAfterSeconds, guarded ? byAccount.retryAfterSeconds : 0),
  );
}

/** The password was right: this attempt was no failure, and this address starts afresh on the account. */
export async function signInSucceeded(deps: AccountDeps, counters: SignInCounters): Promise<void> {
  await Promise.all([
    deps.throttle.reset(counters.accountFromIp),
    deps.throttle.refund(counters.ip),
    deps.throttle.refund(counters.account),
  ]);
}
