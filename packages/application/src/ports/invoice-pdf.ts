import type { Invoice } from "./invoice.repository.ts";

/** Renders an invoice as a PDF a person would accept: Persian, right to left, fonts embedded. */
export interface InvoicePdfRenderer {
  render(invoice: Invoice): Promise<Uint8Array>;
}
