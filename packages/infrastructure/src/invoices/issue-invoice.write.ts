import type { IssueInvoiceCommand, IssueInvoiceOutcome } from "@peykarband/application";
import { invoiceIssuedEvent, invoiceNumber, invoiceTotals, jalaliMonthOf } from "@peykarband/domain";
import { and, eq } from "drizzle-orm";
import {
  invoiceNumberCounters,
  invoiceStatementLines,
  invoiceUsageLines,
  invoices,
  users,
} from "../database/schema.ts";
import type { TransactionalJobSender } from "../servers/transaction.sql-executor.ts";
import type { Tx } from "../wallet/ledger-write.ts";
import { writeWebhookDeliveries } from "../webhooks/webhook-event.writer.ts";
import { statementLines, usageLines } from "./invoice-contents.ts";
import { toInvoice } from "./invoice-rows.ts";

/**
 * Issues one invoice inside `tx`. Every issuer of a Jalali year queues on that year's counter row
 * (locked first), and under the lock sees every invoice committed before it: the existence check
 * then cannot race, and the number taken is returned to the counter if the transaction rolls back.
 * The invoice's INVOICE_ISSUED webhook deliveries are written with it.
 */
export async function issueIn(
  tx: Tx,
  jobs: TransactionalJobSender,
  command: IssueInvoiceCommand,
): Promise<IssueInvoiceOutcome> {
  const { period } = command;
  const { year, month } = period.month;
  if (jalaliMonthOf(period.start).month !== month) throw new Error("period and month disagree");
  await tx.insert(invoiceNumberCounters).values({ jalaliYear: year, lastNumber: 0 }).onConflictDoNothing();
  const [counter] = await tx
    .select({ lastNumber: invoiceNumberCounters.lastNumber })
    .from(invoiceNumberCounters)
    .where(eq(invoiceNumberCounters.jalaliYear, year))
    .for("update");
  const [existing] = await tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      and(
        eq(invoices.userId, command.userId),
        eq(invoices.jalaliYear, year),
        eq(invoices.jalaliMonth, month),
      ),
    );
  if (existing) return { status: "ALREADY_ISSUED" };
  const [buyer] = await tx.select({ email: users.email }).from(users).where(eq(users.id, command.userId));
  if (!buyer) throw new Error(`no user ${command.userId} to invoice`);
  const [lines, statement] = [
    await usageLines(tx, command.userId, period),
    await statementLines(tx, command.userId, period.start, period.end),
  ];
  if (lines.length === 0 && statement.length === 0) return { status: "NOTHING_TO_INVOICE" };
  const sequence = counter!.lastNumber + 1;
  const totals = invoiceTotals(lines);
  const [row] = await tx
    .insert(invoices)
    .values({
      id: command.id,
      userId: command.userId,
      number: invoiceNumber(year, sequence),
      jalaliYear: year,
      jalaliMonth: month,
      periodStart: period.start,
      periodEnd: period.end,
      issuedAt: command.issuedAt,
      buyerEmail: buyer.email,
      seller: command.seller,
      vatRateBasisPoints: command.vatRate,
      ...totals,
    })
    .returning();
  const lineRows = lines.map((line, position) => ({ invoiceId: command.id, position, ...line }));
  const statementRows = statement.map((line, position) => ({ invoiceId: command.id, position, ...line }));
  if (lineRows.length > 0) await tx.insert(invoiceUsageLines).values(lineRows);
  if (statementRows.length > 0) await tx.insert(invoiceStatementLines).values(statementRows);
  await tx
    .update(invoiceNumberCounters)
    .set({ lastNumber: sequence })
    .where(eq(invoiceNumberCounters.jalaliYear, year));
  const issued = row!;
  await writeWebhookDeliveries(tx, jobs, invoiceIssuedEvent(issued));
  return { status: "ISSUED", invoice: toInvoice(issued, lineRows, statementRows) };
}
