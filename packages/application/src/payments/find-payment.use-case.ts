import type { Payment } from "@peykarband/domain";
import { canReadUser } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { WalletDeps } from "../wallet/wallet-deps.ts";

/** One payment the viewer may see (their own; staff: any), else null, as if it did not exist. */
export async function findPayment(
  deps: WalletDeps,
  id: string,
  ctx: RequestContext,
): Promise<Payment | null> {
  const payment = await deps.payments.findById(id);
  return payment && canReadUser(ctx.viewer, payment.userId) ? payment : null;
}
