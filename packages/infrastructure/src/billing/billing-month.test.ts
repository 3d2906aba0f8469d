import {
  createInvoiceUseCases,
  NOTIFICATION_JOB_NAME,
  runDunning,
  SERVER_JOB_NAMES,
  type DunningDeps,
  type RequestContext,
} from "@peykarband/application";
import {
  adminAdjustmentTransaction,
  DEFAULT_DUNNING_SETTINGS,
  invoicePeriod,
  Phone,
  Rial,
  type ServerStatus,
} from "@peykarband/domain";
import { asc, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DrizzleUserRepository } from "../accounts/user.repository.ts";
import { DrizzleAuditLog } from "../audit/audit-log.repository.ts";
import type { Database } from "../database/database.ts";
import { notifications, users } from "../database/schema.ts";
import { DrizzleDunningRepository } from "../dunning/dunning.repository.ts";
import { HmacLinkSigner } from "../invoices/hmac.link-signer.ts";
import { DrizzleInvoiceRepository } from "../invoices/invoice.repository.ts";
import { PdfkitInvoicePdf } from "../invoices/pdfkit.invoice-pdf.ts";
import { openJobQueue, type JobQueue } from "../jobs/pg-boss.job-queue.ts";
import { DrizzleServerRepository } from "../servers/server.repository.ts";
import { UuidV7Generator } from "../system/uuid-v7.id-generator.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { TEST_VAT_RATE } from "../testing/billing-fixtures.ts";
import { FixedClock } from "../testing/fixed-clock.ts";
import { aServer, anOrder, seedCatalog } from "../testing/server-fixtures.ts";
import { testDatabases } from "../testing/test-database.ts";
import { fundWallet } from "../testing/wallet-fixtures.ts";
import { DrizzleWalletLedger } from "../wallet/wallet-ledger.repository.ts";
import { DrizzleBillingRepository } from "./billing.repository.ts";

const HOUR_S = 3_600;
const AZAR = invoicePeriod({ year: 1405, month: 9 });
const T0 = new Date(AZAR.start.getTime() + HOUR_S * 1000);
const QUEUE = { policy: "standard", expireInSeconds: 60, retryLimit: 1 } as const;
const JOB: RequestContext = { requestId: "billing.month", ip: null, userAgent: null, viewer: null };
const SELLER = { name: "پیکربند", nationalId: "14000000000", economicCode: "411111111111", address: "تهران" };
const RESIZED_S = 48 * HOUR_S + 1_234;
/** Rials accrued over spans of whole seconds, each at its hourly rate, floored once. */
const accrued = (...spans: [seconds: number, ratePerHour: bigint][]) =>
  spans.reduce((sum, [seconds, rate]) => sum + BigInt(seconds) * rate, 0n) / BigInt(HOUR_S);

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`a month of billing on ${target.name}`, () => {
    let database: Database;
    let queue: JobQueue;
    let servers: DrizzleServerRepository;
    let ledger: DrizzleWalletLedger;
    let billing: DrizzleBillingRepository;
    let invoices: DrizzleInvoiceRepository;
    let dunning: DunningDeps;
    const clock = new FixedClock(T0);
    beforeAll(async () => {
      database = await target.open();
      await seedCatalog(database);
      queue = await openJobQueue(database, { onError: () => undefined });
      for (const name of [SERVER_JOB_NAMES.provision, SERVER_JOB_NAMES.operate, NOTIFICATION_JOB_NAME]) {
        await queue.createQueue(name, QUEUE);
      }
      servers = new DrizzleServerRepository(database.db, queue, TEST_VAT_RATE);
      ledger = new DrizzleWalletLedger(database.db);
      billing = new DrizzleBillingRepository(database.db, TEST_VAT_RATE);
      invoices = new DrizzleInvoiceRepository(database.db, queue);
      dunning = {
        dunning: new DrizzleDunningRepository(database.db, queue),
        billing,
        ledger,
        servers,
        publisher: { publish: async () => undefined },
        audit: new DrizzleAuditLog(database.db),
        clock,
        ids: new UuidV7Generator(clock),
        settings: DEFAULT_DUNNING_SETTINGS,
        vatRate: TEST_VAT_RATE,
      };
    });
    afterAll(async () => {
      await queue?.stop({ timeoutMs: 1000 });
      await database?.close();
    });

    const customer = async (language: "fa" | "en", phone: string | null, funds: bigint) => {
      const parsed = phone === null ? null : Phone.parse(phone);
      if (parsed && !parsed.ok) throw new Error(`not a mobile number: ${phone}`);
      const user = await insertUser(database, { phone: parsed?.value ?? null });
      await database.db.update(users).set({ language }).where(eq(users.id, user.id));
      await fundWallet(ledger, user.id, funds);
      return user.id;
    };
    const move = async (serverId: string, from: ServerStatus, to: ServerStatus, at: Date, more = {}) =>
      expect((await servers.change({ serverId, from: [from], to, at, ...more })).status).toBe("CHANGED");
    /** A server at 10,000 rials an hour, running from T0. */
    const runningServer = async (userId: string) => {
      const server = aServer(userId, { createdAt: T0, updatedAt: T0 });
      expect(
        (await servers.placeOrder(anOrder(server, { charge: 10_000n, monthly: 10n ** 9n }))).status,
      ).toBe("PLACED");
      await move(server.id, "PENDING", "PROVISIONING", T0);
      await move(server.id, "PROVISIONING", "ACTIVE", T0, { changes: { providerServerId: server.id } });
      return server;
    };
    /** What servers.operate stores once the provider confirmed what dunning asked. */
    const providerConfirms = async (serverId: string): Promise<void> => {
      const server = (await servers.findById(serverId))!;
      const now = clock.now();
      if (server.status === "SUSPENDED" && server.pendingOperation === "POWER_OFF")
        await move(serverId, "SUSPENDED", "SUSPENDED", now, { changes: { pendingOperation: null } });
      if (server.status === "SUSPENDED" && server.pendingOperation === "POWER_ON")
        await move(serverId, "SUSPENDED", "ACTIVE", now, { changes: { pendingOperation: null } });
      if (server.status === "DELETING" && server.pendingOperation === "DELETE")
        await move(serverId, "DELETING", "DELETED", now, {
          changes: { pendingOperation: null, deletedAt: now },
        });
    };
    const noticesOf = async (userId: string) =>
      (
        await database.db
          .select({
            kind: notifications.kind,
            channel: notifications.channel,
            language: notifications.language,
          })
          .from(notifications)
          .where(eq(notifications.userId, userId))
          .orderBy(asc(notifications.createdAt), asc(notifications.channel))
      ).map((n) => `${n.kind}/${n.channel}/${n.language}`);

    it("settles, duns and invoices a Jalali month to the rial: resize, power cycle, suspension, resumption, termination", async () => {
      // Ali (Persian, with a mobile): two servers, one resized; his balance runs out, a top-up resumes them.
      const ali = await customer("fa", "09121234567", 5_000_000n);
      const a1 = await runningServer(ali);
      const a2 = await runningServer(ali);
      // Bita (English, email only): one server; her balance runs out and is never topped up.
      const bita = await customer("en", null, 1_000_000n);
      const b1 = await runningServer(bita);

      const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
      const events: [seconds: number, run: () => Promise<void>][] = [
        [48 * HOUR_S, () => move(a2.id, "ACTIVE", "RESIZING", at(48 * HOUR_S))],
        [
          RESIZED_S,
          () =>
            move(a2.id, "RESIZING", "ACTIVE", at(RESIZED_S), {
              changes: { planId: "do-s-1vcpu-2gb" },
              rate: {
                startsAt: at(RESIZED_S),
                planId: "do-s-1vcpu-2gb",
                hourlyRate: Rial.of(20_000n),
                monthlyCap: Rial.of(10n ** 9n),
                ourHourlyRate: Rial.of(20_000n),
                ourMonthlyCap: Rial.of(10n ** 9n),
              },
            }),
        ],
        [72 * HOUR_S + 777, () => move(a2.id, "ACTIVE", "OFF", at(72 * HOUR_S + 777))],
        [96 * HOUR_S + 999, () => move(a2.id, "OFF", "ACTIVE", at(96 * HOUR_S + 999))],
        [
          300 * HOUR_S,
          async () => {
            const topUp = adminAdjustmentTransaction({
              id: randomUUID(),
              userId: ali,
              amount: Rial.of(100_000_000n),
              reference: `top-up:${randomUUID()}`,
              reason: "Top-up",
              at: at(300 * HOUR_S),
            });
            if (!topUp.ok) throw new Error(topUp.error.message);
            expect((await ledger.post(topUp.value)).status).toBe("POSTED");
          },
        ],
      ];

      // The month hour by hour: the server changes due, the hourly settlement, the dunning run, and
      // the provider confirming what dunning asked.
      const hours = (AZAR.end.getTime() - T0.getTime()) / (HOUR_S * 1000);
      const states: Record<string, ServerStatus[]> = { a1: [], b1: [] };
      for (let hour = 1; hour <= hours; hour++) {
        clock.advance(HOUR_S);
        while (events.length > 0 && events[0]![0] <= hour * HOUR_S) await events.shift()![1]();
        await billing.settle(clock.now());
        await runDunning(dunning, JOB);
        for (const server of [a1, a2, b1]) await providerConfirms(server.id);
        for (const [name, server] of [
          ["a1", a1],
          ["b1", b1],
        ] as const) {
          const status = (await servers.findById(server.id))!.status;
          if (states[name]!.at(-1) !== status) states[name]!.push(status);
        }
      }
      expect(events).toEqual([]);
      expect(clock.now()).toEqual(AZAR.end);
      expect(states).toEqual({
        a1: ["ACTIVE", "SUSPENDED", "ACTIVE"],
        b1: ["ACTIVE", "SUSPENDED", "DELETED"],
      });

      const monthS = hours * HOUR_S;
      const b1DeletedAt = (await servers.findById(b1.id))!.deletedAt!;
      const b1S = (b1DeletedAt.getTime() - T0.getTime()) / 1000;
      const a1Rials = accrued([monthS, 10_000n]);
      const a2Rials = accrued([RESIZED_S, 10_000n], [monthS - RESIZED_S, 20_000n]);
      const b1Rials = accrued([b1S, 10_000n]);
      // 10 %, half up, on each server's usage: VAT is carried from posting to posting and rounded once.
      const vat = (accrued: bigint) => (accrued + 5n) / 10n;
      // Over a server's life the wallet pays its accrual (the prepaid hour included) and its VAT, to the rial.
      expect((await ledger.balance(ali)).amount).toBe(
        105_000_000n - a1Rials - a2Rials - vat(a1Rials) - vat(a2Rials),
      );
      expect((await ledger.balance(bita)).amount).toBe(1_000_000n - b1Rials - vat(b1Rials));

      expect(await noticesOf(ali)).toEqual(
        ["WALLET_RUNNING_LOW", "WALLET_IN_DEBT", "SERVERS_SUSPENDED", "SERVERS_RESUMED"].flatMap((kind) => [
          `${kind}/EMAIL/fa`,
          `${kind}/SMS/fa`,
        ]),
      );
      expect(await noticesOf(bita)).toEqual(
        [
          "WALLET_RUNNING_LOW",
          "WALLET_IN_DEBT",
          "SERVERS_SUSPENDED",
          "TERMINATION_SOON",
          "SERVERS_TERMINATED",
        ].map((kind) => `${kind}/EMAIL/en`),
      );

      // The month's invoices, issued after it ended.
      clock.advance(HOUR_S);
      const issuing = createInvoiceUseCases({
        invoices,
        users: new DrizzleUserRepository(database.db),
        billing,
        clock,
        ids: { newId: () => randomUUID() },
        seller: SELLER,
        vatRate: 1000,
        pdf: new PdfkitInvoicePdf(),
        links: new HmacLinkSigner(Buffer.alloc(32, 7), "test-links"),
      });
      expect(await issuing.issueMonthlyInvoices()).toEqual({
        month: { year: 1405, month: 9 },
        issued: 2,
        skipped: 0,
      });
      const invoiceOf = async (userId: string) => (await invoices.page(userId, { limit: 10 })).invoices;
      const [aliInvoice] = await invoiceOf(ali);
      const lineOf = (serverId: string) => aliInvoice!.lines.find((line) => line.serverId === serverId);
      expect(aliInvoice!.lines).toHaveLength(2);
      expect(lineOf(a1.id)).toMatchObject({
        planId: a1.planId,
        seconds: BigInt(monthS),
        amountRials: a1Rials,
      });
      expect(lineOf(a2.id)).toMatchObject({
        planId: "do-s-1vcpu-2gb",
        seconds: BigInt(monthS),
        amountRials: a2Rials,
      });
      // The invoice states the VAT the ledger collected: per server, so not VAT on the subtotal.
      const aliVat = vat(a1Rials) + vat(a2Rials);
      expect(lineOf(a1.id)!.vatRials).toBe(vat(a1Rials));
      expect(aliInvoice).toMatchObject({
        subtotalRials: a1Rials + a2Rials,
        vatRials: aliVat,
        totalRials: a1Rials + a2Rials + aliVat,
      });
      const [bitaInvoice] = await invoiceOf(bita);
      expect(bitaInvoice!.lines.map((line) => [line.serverId, line.seconds, line.amountRials])).toEqual([
        [b1.id, BigInt(b1S), b1Rials],
      ]);
      expect(bitaInvoice).toMatchObject({
        subtotalRials: b1Rials,
        vatRials: vat(b1Rials),
        totalRials: b1Rials + vat(b1Rials),
      });
      expect([aliInvoice!.number, bitaInvoice!.number].sort()).toEqual(["1405-000001", "1405-000002"]);
      // 720 hourly rounds of settlement and dunning: over the default on a loaded machine.
    }, 180_000);
  });
}
