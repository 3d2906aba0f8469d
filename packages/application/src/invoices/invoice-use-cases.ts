import type { JalaliMonth } from "@peykarband/domain";
import type { InvoiceCursor, SuspendedServerCursor } from "../ports/invoice.repository.ts";
import type { PageRequest } from "../ports/keyset-page.ts";
import type { RequestContext } from "../shared/request-context.ts";
import {
  invoicePdf,
  signInvoicePdfLink,
  viewerOfInvoicePdfLink,
  type InvoicePdfDeps,
  type InvoicePdfLink,
  type InvoicePdfTarget,
} from "./invoice-pdf.use-case.ts";
import { invoice, invoices } from "./invoice-reads.use-case.ts";
import { issueMonthlyInvoices } from "./issue-monthly-invoices.use-case.ts";
import { outstandingBalances, revenueByMonth, suspendedServers } from "./revenue-reports.use-case.ts";
import { upcomingInvoice } from "./upcoming-invoice.use-case.ts";

/** The invoice use cases bound to their ports: what resolvers and the monthly job call. */
export function createInvoiceUseCases(deps: InvoicePdfDeps) {
  return {
    issueMonthlyInvoices: () => issueMonthlyInvoices(deps),
    invoice: (input: { invoiceId: string }, ctx: RequestContext) => invoice(deps, input, ctx),
    invoices: (
      input: { userId: string; customerId?: string | null; page: PageRequest<InvoiceCursor> },
      ctx: RequestContext,
    ) => invoices(deps, input, ctx),
    upcomingInvoice: (input: { userId: string }, ctx: RequestContext) => upcomingInvoice(deps, input, ctx),
    revenueByMonth: (input: { since: JalaliMonth }, ctx: RequestContext) => revenueByMonth(deps, input, ctx),
    outstandingBalances: (input: { first: number }, ctx: RequestContext) =>
      outstandingBalances(deps, input, ctx),
    suspendedServers: (input: { first: number; after: SuspendedServerCursor | null }, ctx: RequestContext) =>
      suspendedServers(deps, input, ctx),
    signInvoicePdfLink: (target: InvoicePdfTarget, ctx: RequestContext) =>
      signInvoicePdfLink(deps, target, ctx),
    viewerOfInvoicePdfLink: (target: InvoicePdfTarget, link: InvoicePdfLink) =>
      viewerOfInvoicePdfLink(deps, target, link),
    invoicePdf: (target: InvoicePdfTarget, ctx: RequestContext) => invoicePdf(deps, target, ctx),
  };
}

export type InvoiceUseCases = ReturnType<typeof createInvoiceUseCases>;
