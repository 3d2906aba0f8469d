import type { IssueInvoiceCommand } from "@peykarband/application";
import { invoicePeriod, jalaliMonthOf } from "@peykarband/domain";
import { DrizzleInvoiceRepository, type Database, type JobQueue } from "@peykarband/infrastructure";
import { randomUUID } from "node:crypto";
import { keyOf } from "../../src/schema/node/global-id.ts";

const SELLER = { name: "پیکربند", nationalId: "10100000000", economicCode: "411100000000", address: "تهران" };

/**
 * This month's invoice of the user with global id `userId`, issued straight through the
 * repository: the month-close job's schedule is tested in
 * packages/infrastructure/src/invoices/invoice-issuing.test.ts. Also returns the repository and
 * the command, for a test that issues again.
 */
export async function issueThisMonthsInvoice(database: Database, jobQueue: JobQueue, userId: string) {
  const invoices = new DrizzleInvoiceRepository(database.db, jobQueue);
  const command: IssueInvoiceCommand = {
    id: randomUUID(),
    userId: keyOf(userId, "User")!,
    period: invoicePeriod(jalaliMonthOf(new Date())),
    issuedAt: new Date(),
    seller: SELLER,
    vatRate: 1000,
  };
  return { issued: await invoices.issue(command), invoices, command };
}
