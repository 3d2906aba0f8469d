import { isRole } from "@peykarband/domain";
import type { InvoicePdfRenderer } from "../ports/invoice-pdf.ts";
import type { LinkSigner } from "../ports/link-signer.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext, Viewer } from "../shared/request-context.ts";
import type { InvoiceDeps } from "./invoice-deps.ts";
import { invoice } from "./invoice-reads.use-case.ts";
import { upcomingInvoice } from "./upcoming-invoice.use-case.ts";

/** How long a PDF link works: long enough to click, short enough not to be worth leaking. */
const INVOICE_LINK_TTL_MS = 10 * 60_000;

/** Which PDF: an issued invoice by id, or a customer's month so far. */
export type InvoicePdfTarget = { readonly invoiceId: string } | { readonly upcomingOf: string };

export interface InvoicePdfDeps extends InvoiceDeps {
  readonly pdf: InvoicePdfRenderer;
  readonly links: LinkSigner;
}

export interface InvoicePdfLink {
  readonly viewerId: string;
  readonly role: string;
  /** Unix seconds. */
  readonly expires: number;
  readonly signature: string;
}

const signed = (target: InvoicePdfTarget, viewerId: string, role: string, expires: number) =>
  `invoice-pdf|${"invoiceId" in target ? `id:${target.invoiceId}` : `upcoming:${target.upcomingOf}`}|${viewerId}|${role}|${expires}`;

/** A link's authority for the viewer who asked for it: their id and role, until it expires. */
export function signInvoicePdfLink(
  deps: Pick<InvoicePdfDeps, "links" | "clock">,
  target: InvoicePdfTarget,
  ctx: RequestContext,
): InvoicePdfLink {
  const viewer = requireViewer(ctx);
  const expires = Math.floor((deps.clock.now().getTime() + INVOICE_LINK_TTL_MS) / 1000);
  return {
    viewerId: viewer.userId,
    role: viewer.role,
    expires,
    signature: deps.links.sign(signed(target, viewer.userId, viewer.role, expires)),
  };
}

/** The viewer a valid, unexpired link speaks for; null otherwise. Access is checked again on use. */
export function viewerOfInvoicePdfLink(
  deps: Pick<InvoicePdfDeps, "links" | "clock">,
  target: InvoicePdfTarget,
  link: InvoicePdfLink,
): Viewer | null {
  if (!isRole(link.role) || link.expires * 1000 <= deps.clock.now().getTime()) return null;
  if (!deps.links.verify(signed(target, link.viewerId, link.role, link.expires), link.signature)) return null;
  return { userId: link.viewerId, role: link.role, sessionId: "invoice-pdf-link" };
}

/** The PDF, if the viewer may read that invoice (owner, SUPPORT, ADMIN); null otherwise. */
export async function invoicePdf(
  deps: InvoicePdfDeps,
  target: InvoicePdfTarget,
  ctx: RequestContext,
): Promise<Uint8Array | null> {
  const found =
    "invoiceId" in target
      ? await invoice(deps, { invoiceId: target.invoiceId }, ctx)
      : await upcomingInvoice(deps, { userId: target.upcomingOf }, ctx);
  return found ? deps.pdf.render(found) : null;
}
