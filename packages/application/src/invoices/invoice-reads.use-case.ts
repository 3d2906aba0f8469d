import type { Invoice, InvoiceCursor } from "../ports/invoice.repository.ts";
import { toKeysetPageQuery, type CountedPage, type PageRequest } from "../ports/keyset-page.ts";
import { canReadUser, requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { InvoiceDeps } from "./invoice-deps.ts";

/** An issued invoice: its owner's, or anyone's for SUPPORT and ADMIN; null otherwise, as if it did not exist. */
export async function invoice(
  deps: Pick<InvoiceDeps, "invoices">,
  input: { invoiceId: string },
  ctx: RequestContext,
): Promise<Invoice | null> {
  const viewer = requireViewer(ctx);
  const invoice = await deps.invoices.findById(input.invoiceId);
  return invoice && canReadUser(viewer, invoice.userId) ? invoice : null;
}

/** A customer's issued invoices, newest month first; someone else's only for SUPPORT and ADMIN. */
export async function invoices(
  deps: Pick<InvoiceDeps, "invoices">,
  input: { userId: string; page: PageRequest<InvoiceCursor> },
  ctx: RequestContext,
): Promise<({ invoices: Invoice[]; hasMore: boolean } & CountedPage) | null> {
  if (!canReadUser(requireViewer(ctx), input.userId)) return null;
  const page = await deps.invoices.page(input.userId, toKeysetPageQuery(input.page));
  return { ...page, countAll: () => deps.invoices.count(input.userId) };
}
