import {
  domainError,
  Email,
  err,
  ok,
  Password,
  Phone,
  type DomainError,
  type Result,
  type User,
} from "@peykarband/domain";
import type { AccountDeps } from "../accounts/account-deps.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { CreateCustomerErrorCode } from "./reseller-errors.ts";

export interface CreateCustomerInput {
  readonly email: string;
  /** The customer's password, when the reseller hands one out; without it the customer cannot sign in. */
  readonly password?: string | null;
  readonly phone?: string | null;
}

/** Random bytes hashed in place of a password: an account no password can open. */
const UNUSABLE_PASSWORD_BYTES = 32;

/**
 * RESELLER only: creates a CUSTOMER account in the reseller's tree. The reseller may give it a
 * password (the customer signs in with it); without one the account is operated only by its reseller.
 */
export async function createCustomer(
  deps: AccountDeps,
  input: CreateCustomerInput,
  ctx: RequestContext,
): Promise<Result<{ customer: User }, DomainError<CreateCustomerErrorCode>>> {
  const reseller = requireRole(ctx, ["RESELLER"]);
  const email = Email.parse(input.email);
  if (!email.ok) return email;
  const password = input.password != null ? Password.parse(input.password) : null;
  if (password && !password.ok) return password;
  const phone = input.phone ? Phone.parse(input.phone) : null;
  if (phone && !phone.ok) return phone;

  const secret = password ? password.value.secret : deps.random.token(UNUSABLE_PASSWORD_BYTES);
  const customer: User = {
    id: deps.ids.newId(),
    email: email.value,
    phone: phone?.value ?? null,
    role: "CUSTOMER",
    passwordHash: await deps.passwords.hash(secret),
    twoFactor: { status: "DISABLED" },
    resellerId: reseller.userId,
    createdAt: deps.clock.now(),
  };
  if (!(await deps.users.create(customer))) {
    return err(domainError("EMAIL_TAKEN", "An account with this email already exists.", ["email"]));
  }
  await recordAudit(deps, ctx, "CUSTOMER_CREATED", {
    subjectId: customer.id,
    details: { hasPassword: password ? "true" : "false" },
  });
  return ok({ customer });
}
