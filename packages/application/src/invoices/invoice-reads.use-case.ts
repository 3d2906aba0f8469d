import type { Invoice, InvoiceCursor } from "../ports/invoice.repository.ts";
import { toKeysetPageQuery, type CountedPage, type PageRequest } from "../ports/keyset-page.ts";
import { customerOfViewer } from "../resellers/customer-reads.ts";
import { canReadUser, requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import { canReadAccount } from "../shared/tenant-policy.ts";
import type { InvoiceDeps } from "./invoice-deps.ts";

type InvoicePage = { invoices: Invoice[]; hasMore: boolean } & CountedPage;

/**
 * An issued invoice: its owner's, its owner's reseller's, or anyone's for SUPPORT and ADMIN; null
 * otherwise, as if it did not exist.
 */
export async function invoice(
  deps: Pick<InvoiceDeps, "invoices" | "users">,
  input: { invoiceId: string },
  ctx: RequestContext,
): Promise<Invoice | null> {
  const viewer = requireViewer(ctx);
  const invoice = await deps.invoices.findById(input.invoiceId);
  return invoice && (await canReadAccount(deps.users, viewer, invoice.userId)) ? invoice : null;
}

/**
 * A customer's issued invoices, newest month first: `userId`'s (the viewer's own; someone else's
 * only for SUPPORT and ADMIN, null otherwise), or, for a RESELLER naming one of its customers by
 * `customerId`, that customer's; a customerId that names no customer of the viewer lists nothing.
 */
export async function invoices(
  deps: Pick<InvoiceDeps, "invoices" | "users">,
  input: { userId: string; customerId?: string | null; page: PageRequest<InvoiceCursor> },
  ctx: RequestContext,
): Promise<InvoicePage | null> {
  const viewer = requireViewer(ctx);
  const pageOf = async (userId: string): Promise<InvoicePage> => {
    const page = await deps.invoices.page(userId, toKeysetPageQuery(input.page));
    return { ...page, countAll: () => deps.invoices.count(userId) };
  };
  if (input.customerId != null) {
    const customer = await customerOfViewer(deps, input.customerId, ctx);
    return customer ? pageOf(customer.id) : { invoices: [], hasMore: false, countAll: async () => 0 };
  }
  return canReadUser(viewer, input.userId) ? pageOf(input.userId) : null;
}
