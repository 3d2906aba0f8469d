import { Email, type Role } from "@peykarband/domain";
import { toKeysetPageQuery, type CountedPage, type PageRequest } from "../ports/keyset-page.ts";
import type { UserCursor, UserPage, UserSearchFilter } from "../ports/user.repository.ts";
import { requireRole } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";

/** `first` / `after` or `last` / `before`, each size 1 to 100. */
export type UsersInput = PageRequest<UserCursor> & {
  /** The start of an address, or a whole one, in any case or Unicode form; blank means any. */
  readonly email?: string | null;
  readonly role?: Role | null;
};

/** SUPPORT and ADMIN: find accounts by the start of their email and by role, newest first. */
export async function users(
  deps: AccountDeps,
  input: UsersInput,
  ctx: RequestContext,
): Promise<UserPage & CountedPage> {
  requireRole(ctx, ["SUPPORT", "ADMIN"]);
  const emailPrefix = input.email ? Email.canonicalText(input.email) : "";
  const filter: UserSearchFilter = {
    ...(emailPrefix ? { emailPrefix } : {}),
    ...(input.role ? { role: input.role } : {}),
  };
  const page = await deps.users.search({ ...filter, ...toKeysetPageQuery(input) });
  return { ...page, countAll: () => deps.users.count(filter) };
}
