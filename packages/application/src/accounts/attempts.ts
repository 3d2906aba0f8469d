import { domainError, err, ok, type DomainError, type Result } from "@peykarband/domain";
import type { AccountDeps } from "./account-deps.ts";

/** Keys of the attempt counters; one place so that every flow counts against the same ones. */
export const throttleKeys = {
  loginAccount: (email: string) => `login:account:${email}`,
  // An address has no space in it, so the first space parts the two unambiguously.
  loginAccountFromIp: (email: string, ip: string | null) => `login:account-ip:${ip ?? "unknown"} ${email}`,
  loginIp: (ip: string | null) => `login:ip:${ip ?? "unknown"}`,
  registerIp: (ip: string | null) => `register:ip:${ip ?? "unknown"}`,
  secondFactor: (userId: string) => `second-factor:user:${userId}`,
  reauthentication: (userId: string) => `reauth:user:${userId}`,
};

export const tooManyAttempts = (retryAfterSeconds: number) =>
  err(domainError("TOO_MANY_ATTEMPTS", `Too many attempts; try again in ${retryAfterSeconds} s.`));

/** Counts one attempt against the key; fails once the key has used up its window. */
export async function consumeAttempt(
  deps: AccountDeps,
  key: string,
  limit: number = deps.policy.maxAttemptsPerAccount,
): Promise<Result<true, DomainError<"TOO_MANY_ATTEMPTS">>> {
  const gate = await deps.throttle.consume(key, limit, deps.policy.attemptWindowSeconds);
  return gate.allowed ? ok(true) : tooManyAttempts(gate.retryAfterSeconds);
}
