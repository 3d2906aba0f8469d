import {
  domainError,
  err,
  ok,
  type DomainError,
  type Result,
  type Role,
  type User,
} from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { ChangeUserRoleErrorCode } from "./account-errors.ts";
import { requireFreshSecondFactor } from "./step-up.ts";

export interface ChangeUserRoleInput {
  readonly userId: string;
  readonly role: Role;
  /** A TOTP or recovery code, when the session has not proved a second factor in the last minutes. */
  readonly totpCode?: string | null;
}

/** ADMIN only. The user's sessions end, so the new role is in force at once, not after token expiry. */
export async function changeUserRole(
  deps: AccountDeps,
  input: ChangeUserRoleInput,
  ctx: RequestContext,
): Promise<Result<{ user: User }, DomainError<ChangeUserRoleErrorCode>>> {
  const admin = requireRole(ctx, ["ADMIN"]);
  const steppedUp = await requireFreshSecondFactor(deps, ctx, input.totpCode);
  if (!steppedUp.ok) return steppedUp;
  if (input.userId === admin.userId) {
    return err(domainError("CANNOT_CHANGE_OWN_ROLE", "Another admin must change your role.", ["userId"]));
  }
  const user = await deps.users.findById(input.userId);
  if (!user) return err(domainError("USER_NOT_FOUND", "No such user.", ["userId"]));
  if (user.role === input.role) return ok({ user });

  await deps.users.updateRole(user.id, input.role);
  await deps.sessions.revokeAllForUser(user.id, deps.clock.now());
  await recordAudit(deps, ctx, "ROLE_CHANGED", {
    subjectId: user.id,
    details: { from: user.role, to: input.role },
  });
  return ok({ user: { ...user, role: input.role } });
}
