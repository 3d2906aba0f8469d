import { toKeysetPageQuery, type CountedPage, type PageRequest } from "../ports/keyset-page.ts";
import type { PaymentCursor, PaymentPage } from "../ports/payment.repository.ts";
import { customerOfViewer } from "../resellers/customer-reads.ts";
import { canReadUser, requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { WalletDeps } from "../wallet/wallet-deps.ts";

/** `first` / `after` or `last` / `before`, each size 1 to 100. */
export type PaymentsInput = PageRequest<PaymentCursor> & {
  /** Whose payments; the viewer's own when omitted. Only SUPPORT and ADMIN may name someone else. */
  readonly userId?: string | null;
  /** A RESELLER's customer whose payments these are (instead of userId). */
  readonly customerId?: string | null;
};

/**
 * A user's payments, newest first; someone else's list is empty unless the viewer is staff, or a
 * RESELLER naming one of its customers by `customerId`.
 */
export async function payments(
  deps: WalletDeps,
  input: PaymentsInput,
  ctx: RequestContext,
): Promise<PaymentPage & CountedPage> {
  const viewer = requireViewer(ctx);
  const pageOf = async (userId: string): Promise<PaymentPage & CountedPage> => {
    const page = await deps.payments.listByUser({ userId, ...toKeysetPageQuery(input) });
    return { ...page, countAll: () => deps.payments.countByUser(userId) };
  };
  const none = { payments: [], hasMore: false, countAll: async () => 0 };
  if (input.customerId != null) {
    const customer = await customerOfViewer(deps, input.customerId, ctx);
    return customer ? pageOf(customer.id) : none;
  }
  const userId = input.userId ?? viewer.userId;
  return canReadUser(viewer, userId) ? pageOf(userId) : none;
}
