import { badUserInput } from "../../graphql/gateway-errors.ts";
import type { LocalId } from "../node/global-id.ts";

/** Whose list `payments` and `invoices` read: a user's (`userId`, staff) or a customer's (`customerId`, its reseller). */
export interface ListOwner {
  readonly userId: LocalId<"User"> | null;
  readonly customerId: LocalId<"User"> | null;
}

export function listOwner(args: {
  readonly userId?: LocalId<"User"> | null;
  readonly customerId?: LocalId<"User"> | null;
}): ListOwner {
  if (args.userId && args.customerId) throw badUserInput("Give userId or customerId, not both.");
  return { userId: args.userId ?? null, customerId: args.customerId ?? null };
}
