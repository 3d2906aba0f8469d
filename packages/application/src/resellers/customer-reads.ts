import { isCustomerOf, type User } from "@peykarband/domain";
import type { AccountDeps } from "../accounts/account-deps.ts";
import { toKeysetPageQuery, type CountedPage, type PageRequest } from "../ports/keyset-page.ts";
import type { UserCursor, UserPage } from "../ports/user.repository.ts";
import { requireRole } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";

/** RESELLER only: its own customers, newest first. */
export async function customers(
  deps: AccountDeps,
  request: PageRequest<UserCursor>,
  ctx: RequestContext,
): Promise<UserPage & CountedPage> {
  const filter = { resellerId: requireRole(ctx, ["RESELLER"]).userId };
  const page = await deps.users.search({ ...filter, ...toKeysetPageQuery(request) });
  return { ...page, countAll: () => deps.users.count(filter) };
}

/**
 * The customer a RESELLER names by id on another operation: null for a missing user and for
 * anyone who is not the viewer's customer alike, and for any viewer who is not a reseller.
 */
export async function customerOfViewer(
  deps: { users: { findById(id: string): Promise<User | null> } },
  customerId: string,
  ctx: RequestContext,
): Promise<User | null> {
  const viewer = ctx.viewer;
  if (!viewer || viewer.role !== "RESELLER") return null;
  const customer = await deps.users.findById(customerId);
  return customer && isCustomerOf(customer, viewer.userId) ? customer : null;
}
