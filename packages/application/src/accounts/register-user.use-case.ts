import {
  domainError,
  Email,
  err,
  ok,
  Password,
  Phone,
  type DomainError,
  type Result,
} from "@peykarband/domain";
import { auditEvent } from "../audit/record-audit.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";
import type { RegisterUserErrorCode } from "./account-errors.ts";
import { openSession } from "./issue-session.ts";
import type { SessionGrant } from "./session-grant.ts";
import { consumeAttempt, throttleKeys } from "./attempts.ts";

export interface RegisterUserInput {
  readonly email: string;
  readonly password: string;
  readonly phone?: string | null;
}

/** Creates a CUSTOMER account and signs it in. */
export async function registerUser(
  deps: AccountDeps,
  input: RegisterUserInput,
  ctx: RequestContext,
): Promise<Result<SessionGrant, DomainError<RegisterUserErrorCode>>> {
  const email = Email.parse(input.email);
  if (!email.ok) return email;
  const password = Password.parse(input.password);
  if (!password.ok) return password;
  const phone = input.phone ? Phone.parse(input.phone) : null;
  if (phone && !phone.ok) return phone;

  const attempt = await consumeAttempt(deps, throttleKeys.registerIp(ctx.ip), deps.policy.maxAttemptsPerIp);
  if (!attempt.ok) return attempt;

  // Hash before looking at the email, so a taken address answers in the same time as a free one.
  const passwordHash = await deps.passwords.hash(password.value.secret);
  const user = {
    id: deps.ids.newId(),
    email: email.value,
    phone: phone?.value ?? null,
    role: "CUSTOMER" as const,
    passwordHash,
    twoFactor: { status: "DISABLED" as const },
    resellerId: null,
    createdAt: deps.clock.now(),
  };
  if (!(await deps.users.create(user))) {
    return err(domainError("EMAIL_TAKEN", "An account with this email already exists.", ["email"]));
  }
  const registered = auditEvent(deps, ctx, "USER_REGISTERED", { actorId: user.id, subjectId: user.id });
  return ok(await openSession(deps, user, registered));
}
