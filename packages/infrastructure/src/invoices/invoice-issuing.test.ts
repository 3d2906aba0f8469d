import { createInvoiceUseCases, SERVER_JOB_NAMES, type InvoiceSeller } from "@peykarband/application";
import { adminAdjustmentTransaction, invoicePeriod, Rial, type ServerStatus } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DrizzleUserRepository } from "../accounts/user.repository.ts";
import { DrizzleBillingRepository } from "../billing/billing.repository.ts";
import type { Database } from "../database/database.ts";
import { openJobQueue, type JobQueue } from "../jobs/pg-boss.job-queue.ts";
import { DrizzleServerRepository } from "../servers/server.repository.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { TEST_VAT_RATE } from "../testing/billing-fixtures.ts";
import { checkLedger } from "../testing/ledger-check.ts";
import { aServer, anOrder, seedCatalog } from "../testing/server-fixtures.ts";
import { testDatabases } from "../testing/test-database.ts";
import { DrizzleWalletLedger } from "../wallet/wallet-ledger.repository.ts";
import { HmacLinkSigner } from "./hmac.link-signer.ts";
import { DrizzleInvoiceRepository } from "./invoice.repository.ts";
import { issueIn } from "./issue-invoice.write.ts";
import { PdfkitInvoicePdf } from "./pdfkit.invoice-pdf.ts";
import { rowsOf } from "../database/result-rows.ts";

const HOUR = 3_600_000;
const MEHR = invoicePeriod({ year: 1405, month: 7 }); // 2026-09-22T20:30Z to 2026-10-22T20:30Z
const ABAN = invoicePeriod({ year: 1405, month: 8 });
// 23 Mehr 1405, 180.5 hours before Aban.
const t0 = new Date("2026-10-15T08:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const QUEUE = { policy: "standard", expireInSeconds: 60, retryLimit: 1 } as const;
const SELLER: InvoiceSeller = {
  name: "پیکربند",
  nationalId: "14000000000",
  economicCode: "411111111111",
  address: "تهران",
};

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`monthly invoices on ${target.name}`, () => {
    let database: Database;
    let queue: JobQueue;
    let servers: DrizzleServerRepository;
    let billing: DrizzleBillingRepository;
    let invoices: DrizzleInvoiceRepository;
    let ledger: DrizzleWalletLedger;
    let now = t0;
    const useCases = () =>
      createInvoiceUseCases({
        invoices,
        users: new DrizzleUserRepository(database.db),
        billing,
        clock: { now: () => now },
        ids: { newId: () => randomUUID() },
        seller: SELLER,
        vatRate: 1000,
        pdf: new PdfkitInvoicePdf(),
        links: new HmacLinkSigner(Buffer.alloc(32, 7), "test-links"),
      });

    beforeAll(async () => {
      database = await target.open();
      await seedCatalog(database);
      queue = await openJobQueue(database, { onError: () => undefined });
      await queue.createQueue(SERVER_JOB_NAMES.provision, QUEUE);
      servers = new DrizzleServerRepository(database.db, queue, TEST_VAT_RATE);
      billing = new DrizzleBillingRepository(database.db, TEST_VAT_RATE);
      invoices = new DrizzleInvoiceRepository(database.db, queue);
      ledger = new DrizzleWalletLedger(database.db);
    });
    afterAll(async () => {
      await queue?.stop({ timeoutMs: 1000 });
      await database?.close();
    });

    async function customerWithServers(): Promise<{ userId: string; a: string; b: string; c: string }> {
      const user = await insertUser(database);
      const credit = adminAdjustmentTransaction({
        id: randomUUID(),
        userId: user.id,
        amount: Rial.of(5_000_000n),
        reference: `credit:${randomUUID()}`,
        reason: "Opening credit",
        at: at(-HOUR),
      });
      if (!credit.ok) throw new Error(credit.error.message);
      await ledger.post(credit.value);
      const order = async (offsetMs: number, charge: bigint) => {
        const server = aServer(user.id, { createdAt: at(offsetMs), updatedAt: at(offsetMs) });
        expect((await servers.placeOrder(anOrder(server, { charge, monthly: 10n ** 9n }))).status).toBe(
          "PLACED",
        );
        return server.id;
      };
      const move = async (serverId: string, from: ServerStatus, to: ServerStatus, offsetMs: number) => {
        const outcome = await servers.change({ serverId, from: [from], to, at: at(offsetMs) });
        expect(outcome.status).toBe("CHANGED");
      };
      const a = await order(0, 10_000n);
      await move(a, "PENDING", "PROVISIONING", 30_000);
      await move(a, "PROVISIONING", "ACTIVE", 90_000);
      const b = await order(HOUR, 20_000n);
      await move(b, "PENDING", "PROVISIONING", HOUR + 30_000);
      await move(b, "PROVISIONING", "ACTIVE", HOUR + 60_000);
      await move(b, "ACTIVE", "DELETING", HOUR + 72 * HOUR - 5_000);
      await move(b, "DELETING", "DELETED", HOUR + 72 * HOUR);
      // c is ordered in Aban: not on Mehr's invoice.
      const c = await order(181 * HOUR, 11_000n);
      await move(c, "PENDING", "PROVISIONING", 181 * HOUR + 10_000);
      await move(c, "PROVISIONING", "ACTIVE", 181 * HOUR + 20_000);
      return { userId: user.id, a, b, c };
    }

    it("invoices a month of several servers from its usage postings, with VAT, settled to the month's end", async () => {
      const { userId, a, b } = await customerWithServers();
      // Settled at 12:00 in Aban's first night: the window 20:00–21:00Z is split at 20:30Z.
      await billing.settle(at(180 * HOUR));
      await billing.settle(at(181 * HOUR));
      now = at(200 * HOUR);
      const report = await useCases().issueMonthlyInvoices();
      expect(report).toEqual({ month: { year: 1405, month: 7 }, issued: 1, skipped: 0 });

      const [invoice] = (await invoices.page(userId, { limit: 10 })).invoices;
      expect(invoice).toBeDefined();
      expect(invoice!.number).toBe("1405-000001");
      expect(invoice!.periodStart).toEqual(MEHR.start);
      expect(invoice!.periodEnd).toEqual(MEHR.end);
      expect(invoice!.issuedAt).toEqual(now);
      // a: from the order to the month's end, 180.5 h at 10,000; b: 72 h at 20,000.
      expect(invoice!.lines.map((l) => [l.serverId, l.seconds, l.amountRials])).toEqual([
        [a, 649_800n, 1_805_000n],
        [b, 259_200n, 1_440_000n],
      ]);
      expect(invoice!.subtotalRials).toBe(3_245_000n);
      expect(invoice!.vatRials).toBe(324_500n);
      expect(invoice!.totalRials).toBe(3_569_500n);
      expect(invoice!.seller).toEqual(SELLER);
      // The lines are the month's postings, which all lie within it.
      const result: unknown = await database.db.execute(sql`
        select coalesce(sum(p.accrued_rials), 0)::text as accrued, max(p.ends_at) <= ${MEHR.end.toISOString()}::timestamptz as inside
        from server_usage_postings p join server_meters m on m.server_id = p.server_id
        where m.user_id = ${userId} and p.starts_at >= ${MEHR.start.toISOString()}::timestamptz
          and p.starts_at < ${MEHR.end.toISOString()}::timestamptz`);
      const rows = rowsOf<{
        accrued: string;
        inside: boolean;
      }>(result);
      expect(BigInt(rows[0]!.accrued)).toBe(invoice!.subtotalRials);
      expect(rows[0]!.inside).toBe(true);
      // The statement: the two orders' prepaid hours; the opening credit was in Mehr too.
      expect(invoice!.statement.map((l) => [l.kind, l.amountRials])).toEqual([
        ["ADMIN_CREDIT", 5_000_000n],
        ["DEBIT", -10_000n],
        ["DEBIT", -20_000n],
      ]);
      expect(await invoices.findById(invoice!.id!)).toEqual(invoice);
      expect(await checkLedger(database.db)).toEqual([]);
    });

    it("issues each invoice once when the job runs twice or side by side, with gapless numbers", async () => {
      const customers = [
        await customerWithServers(),
        await customerWithServers(),
        await customerWithServers(),
      ];
      now = at(400 * HOUR);
      const [first, second] = await Promise.all([
        useCases().issueMonthlyInvoices(),
        useCases().issueMonthlyInvoices(),
      ]);
      expect(first.issued + second.issued).toBe(3);
      expect((await useCases().issueMonthlyInvoices()).issued).toBe(0);
      const numbers = [];
      for (const { userId } of customers) {
        const page = await invoices.page(userId, { limit: 10 });
        expect(page.invoices).toHaveLength(1);
        numbers.push(page.invoices[0]!.number);
      }
      expect(numbers.sort()).toEqual(["1405-000002", "1405-000003", "1405-000004"]);
    });

    it("gives a rolled-back issue's number back", async () => {
      const { userId } = await customerWithServers();
      const command = {
        id: randomUUID(),
        userId,
        period: MEHR,
        issuedAt: now,
        seller: SELLER,
        vatRate: 1000,
      };
      await expect(
        database.db.transaction(async (tx) => {
          expect((await issueIn(tx, queue, command)).status).toBe("ISSUED");
          throw new Error("crash after issuing");
        }),
      ).rejects.toThrow("crash after issuing");
      expect(await invoices.findById(command.id)).toBeNull();
      const outcome = await invoices.issue({ ...command, id: randomUUID() });
      expect(outcome.status === "ISSUED" && outcome.invoice.number).toBe("1405-000005");
      expect((await invoices.issue({ ...command, id: randomUUID() })).status).toBe("ALREADY_ISSUED");
    });

    it("numbers Aban's invoices on after Mehr's, and puts the server ordered in Aban on them", async () => {
      now = at(ABAN.end.getTime() - t0.getTime() + HOUR);
      const report = await useCases().issueMonthlyInvoices();
      expect(report.month).toEqual({ year: 1405, month: 8 });
      expect(report.issued).toBe(5);
      const rows = await database.db.execute(sql`select number from invoices order by number`);
      const numbers = rowsOf<{
        number: string;
      }>(rows);
      expect(numbers.map((row) => row.number)).toEqual(
        Array.from({ length: 10 }, (_, i) => `1405-${String(i + 1).padStart(6, "0")}`),
      );
      expect(await checkLedger(database.db)).toEqual([]);
    });
  });
}
