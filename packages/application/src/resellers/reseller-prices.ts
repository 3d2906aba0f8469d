import type { ResellerMarkupRepository } from "../ports/reseller-markup.repository.ts";
import type { UserRepository } from "../ports/user.repository.ts";

/**
 * The markup the user pays over our prices: their reseller's, in basis points; 0 for our own
 * customers, resellers, staff and visitors.
 */
export async function markupFor(
  deps: { users: Pick<UserRepository, "findById">; markups: ResellerMarkupRepository },
  userId: string | null,
): Promise<number> {
  if (userId === null) return 0;
  const resellerId = (await deps.users.findById(userId))?.resellerId;
  return resellerId ? deps.markups.markupOf(resellerId) : 0;
}
