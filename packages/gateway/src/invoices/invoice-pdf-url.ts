import type { InvoicePdfTarget } from "@peykarband/application";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { toGlobalId } from "../schema/node/global-id.ts";

export const INVOICE_PDF_PREFIX = "/invoices";

/** The path of an invoice's PDF under INVOICE_PDF_PREFIX. */
export const invoicePdfPath = (target: InvoicePdfTarget): string =>
  "invoiceId" in target
    ? `/${toGlobalId("Invoice", target.invoiceId)}.pdf`
    : `/upcoming/${toGlobalId("User", target.upcomingOf)}.pdf`;

/** A link to the PDF signed for this viewer (see invoice-pdf.routes.ts). */
export function invoicePdfUrl(ctx: GraphQLContext, target: InvoicePdfTarget): string {
  const link = ctx.useCases.invoices.signInvoicePdfLink(target, ctx);
  const query = new URLSearchParams({
    viewer: link.viewerId,
    role: link.role,
    expires: String(link.expires),
    signature: link.signature,
  });
  return `${ctx.app.publicUrl}${INVOICE_PDF_PREFIX}${invoicePdfPath(target)}?${query.toString()}`;
}
