import { Email, ok, Password, type DomainError, type Result, type User } from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { CreateAdministratorErrorCode } from "./account-errors.ts";

export interface CreateAdministratorInput {
  readonly email: string;
  readonly password: string;
}

/**
 * For the operator's command line only (no GraphQL field reaches it): creates an ADMIN,
 * or promotes an existing account, keeping its password.
 */
export async function createAdministrator(
  deps: AccountDeps,
  input: CreateAdministratorInput,
  ctx: RequestContext,
): Promise<Result<{ user: User; created: boolean }, DomainError<CreateAdministratorErrorCode>>> {
  const email = Email.parse(input.email);
  if (!email.ok) return email;
  const existing = await deps.users.findByEmail(email.value);
  if (existing) {
    if (existing.role !== "ADMIN") {
      await deps.users.updateRole(existing.id, "ADMIN");
      await deps.sessions.revokeAllForUser(existing.id, deps.clock.now());
      await recordAudit(deps, ctx, "ROLE_CHANGED", {
        actorId: null,
        subjectId: existing.id,
        details: { from: existing.role, to: "ADMIN", via: "cli" },
      });
    }
    return ok({ user: { ...existing, role: "ADMIN" }, created: false });
  }
  const password = Password.parse(input.password);
  if (!password.ok) return password;
  const user = {
    id: deps.ids.newId(),
    email: email.value,
    phone: null,
    role: "ADMIN" as const,
    passwordHash: await deps.passwords.hash(password.value.secret),
    twoFactor: { status: "DISABLED" as const },
    resellerId: null,
    createdAt: deps.clock.now(),
  };
  await deps.users.create(user);
  await recordAudit(deps, ctx, "USER_REGISTERED", {
    actorId: null,
    subjectId: user.id,
    details: { via: "cli" },
  });
  return ok({ user, created: true });
}
