import { domainError, err, ok, type DomainError, type Result } from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { LogOutErrorCode } from "./account-errors.ts";

export interface LogOutInput {
  /** End every session of the account, not only this one. */
  readonly everywhere?: boolean | null;
}

/** Ends the caller's session: its refresh tokens stop working and its access tokens are refused. */
export async function logOut(
  deps: AccountDeps,
  input: LogOutInput,
  ctx: RequestContext,
): Promise<Result<{ loggedOut: true }, DomainError<LogOutErrorCode>>> {
  const viewer = ctx.viewer;
  if (!viewer) return err(domainError("NOT_SIGNED_IN", "You are not signed in."));
  const now = deps.clock.now();
  if (input.everywhere) await deps.sessions.revokeAllForUser(viewer.userId, now);
  else if (viewer.sessionId) await deps.sessions.revokeFamily(viewer.sessionId, now);
  await recordAudit(deps, ctx, "LOGGED_OUT", {
    subjectId: viewer.userId,
    details: { scope: input.everywhere ? "all" : "session" },
  });
  return ok({ loggedOut: true });
}
