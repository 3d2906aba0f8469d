import type { invoiceUsageLines, invoiceStatementLines, invoices } from "../database/schema.ts";
import type { Invoice } from "@peykarband/application";

type InvoiceRow = typeof invoices.$inferSelect;
type UsageRow = typeof invoiceUsageLines.$inferSelect;
type StatementRow = typeof invoiceStatementLines.$inferSelect;

export const toInvoice = (
  row: InvoiceRow,
  lines: readonly UsageRow[],
  statement: readonly StatementRow[],
): Invoice => ({
  id: row.id,
  number: row.number,
  userId: row.userId,
  buyerEmail: row.buyerEmail,
  month: { year: row.jalaliYear, month: row.jalaliMonth },
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
  issuedAt: row.issuedAt,
  seller: row.seller,
  vatRate: row.vatRateBasisPoints,
  subtotalRials: row.subtotalRials,
  vatRials: row.vatRials,
  totalRials: row.totalRials,
  lines: lines.map((line) => ({
    serverId: line.serverId,
    serverName: line.serverName,
    planId: line.planId,
    regionId: line.regionId,
    provider: line.provider,
    seconds: line.seconds,
    amountRials: line.amountRials,
    vatRials: line.vatRials,
  })),
  statement: statement.map((line) => ({
    at: line.at,
    kind: line.kind,
    reason: line.reason,
    amountRials: line.amountRials,
  })),
});
