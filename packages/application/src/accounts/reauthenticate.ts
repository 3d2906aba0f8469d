import { domainError, err, ok, type DomainError, type Result, type User } from "@peykarband/domain";
import { AccessDeniedError, requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";
import { consumeAttempt, throttleKeys } from "./attempts.ts";

type ReauthError = DomainError<"INVALID_PASSWORD" | "TOO_MANY_ATTEMPTS">;

/** Sensitive changes ask for the password again, throttled like a sign-in. */
export async function reauthenticate(
  deps: AccountDeps,
  ctx: RequestContext,
  password: string,
): Promise<Result<User, ReauthError>> {
  const viewer = requireViewer(ctx);
  const key = throttleKeys.reauthentication(viewer.userId);
  const attempt = await consumeAttempt(deps, key);
  if (!attempt.ok) return attempt;
  const user = await deps.users.findById(viewer.userId);
  if (!user) throw new AccessDeniedError("UNAUTHENTICATED");
  const { valid } = await deps.passwords.verify(user.passwordHash, password);
  if (!valid) return err(domainError("INVALID_PASSWORD", "The password is wrong.", ["password"]));
  await deps.throttle.reset(key);
  return ok(user);
}
