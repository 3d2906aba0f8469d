import { isCustomerOf, type User } from "@peykarband/domain";
import { canReadUser } from "./access-denied.error.ts";
import type { Viewer } from "./request-context.ts";

interface UserReader {
  findById(id: string): Promise<User | null>;
}

/**
 * Whose account the viewer may read: their own; staff anyone's; a RESELLER also its customers'
 * (its tree). A customer of a reseller is a CUSTOMER and reads only its own.
 */
export async function canReadAccount(
  users: UserReader,
  viewer: Viewer | null,
  userId: string,
): Promise<boolean> {
  if (canReadUser(viewer, userId)) return true;
  if (viewer?.role !== "RESELLER") return false;
  const user = await users.findById(userId);
  return user !== null && isCustomerOf(user, viewer.userId);
}

/** The users of `found` the viewer may read, by the same rule, without a read per user. */
export const readableUsers = (viewer: Viewer | null, found: readonly User[]): User[] =>
  found.filter(
    (user) =>
      canReadUser(viewer, user.id) || (viewer?.role === "RESELLER" && isCustomerOf(user, viewer.userId)),
  );
