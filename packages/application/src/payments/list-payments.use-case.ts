import type { PaymentCursor, PaymentPage } from "../ports/payment.repository.ts";
import { canReadUser, requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { WalletDeps } from "../wallet/wallet-deps.ts";

export interface ListPaymentsInput {
  /** 1 to 100. */
  readonly first: number;
  readonly after?: PaymentCursor | null;
  /** Whose payments; the viewer's own when omitted. Only SUPPORT and ADMIN may name someone else. */
  readonly userId?: string | null;
}

/** A user's payments, newest first; someone else's list is empty unless the viewer is staff. */
export async function listPayments(
  deps: WalletDeps,
  input: ListPaymentsInput,
  ctx: RequestContext,
): Promise<PaymentPage> {
  const viewer = requireViewer(ctx);
  const userId = input.userId ?? viewer.userId;
  if (!canReadUser(viewer, userId)) return { payments: [], hasMore: false };
  const first = Math.min(Math.max(Math.trunc(input.first), 1), 100);
  return deps.payments.listByUser({ userId, limit: first, ...(input.after ? { after: input.after } : {}) });
}
