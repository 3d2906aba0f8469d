import {
  accruedUntil,
  Rial,
  serverFailureRefund,
  type ServerMeter,
  usageMarginReference,
  vatOn,
} from "@peykarband/domain";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database/database.ts";
import type { DrizzleServerRepository } from "../servers/server.repository.ts";
import { insertUser } from "../testing/account-fixtures.ts";
import { TEST_VAT_RATE } from "../testing/billing-fixtures.ts";
import { checkLedger } from "../testing/ledger-check.ts";
import { aServer, anOrder } from "../testing/server-fixtures.ts";
import { at, HOUR, openSettlementRig, t0, type SettlementRig } from "../testing/settlement-rig.ts";
import { testDatabases } from "../testing/test-database.ts";
import { fundWallet } from "../testing/wallet-fixtures.ts";
import type { DrizzleWalletLedger } from "../wallet/wallet-ledger.repository.ts";
import type { DrizzleBillingRepository } from "./billing.repository.ts";
import { settleMeters } from "./meter-writes.ts";
import { rowsOf } from "../database/result-rows.ts";

// Our prices, and a reseller's customer's at a 15 % markup.
const OURS = { ourHourly: 10_000n, ourMonthly: 2_000_000n } as const;
const MARKED_UP = { charge: 11_500n, monthly: 2_300_000n, ...OURS } as const;
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/** The same meter at our prices: what revenue must keep of it. */
const atOurPrices = (meter: ServerMeter, ourPrepaid: bigint): ServerMeter => ({
  ...meter,
  prepaid: Rial.of(ourPrepaid),
  periods: meter.periods.map((p) => ({ ...p, hourlyRate: p.ourHourlyRate, monthlyCap: p.ourMonthlyCap })),
});

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`reseller margin at settlement on ${target.name}`, () => {
    let database: Database;
    let servers: DrizzleServerRepository;
    let billing: DrizzleBillingRepository;
    let ledger: DrizzleWalletLedger;
    let move: SettlementRig["move"];
    let rig: SettlementRig | undefined;
    beforeAll(async () => {
      rig = await openSettlementRig(target);
      ({ database, servers, billing, ledger, move } = rig);
    });
    afterAll(() => rig?.close());

    /** A server's money by where it went: from the customer's wallet, to revenue, to the reseller, to VAT. */
    async function moneyOf(
      serverId: string,
      customerId: string,
      resellerId: string,
    ): Promise<{ paid: bigint; revenue: bigint; margin: bigint; vat: bigint; marginPostings: number }> {
      const result: unknown = await database.db.execute(sql`
        select
          coalesce(-sum(e.amount) filter (where e.user_id = ${customerId} and t.kind <> 'VAT'), 0)::text as paid,
          coalesce(sum(e.amount) filter (where e.account = 'revenue'), 0)::text as revenue,
          coalesce(sum(e.amount) filter (where e.user_id = ${resellerId}), 0)::text as margin,
          coalesce(sum(e.amount) filter (where e.account = 'vat-payable'), 0)::text as vat,
          count(distinct t.id) filter (where t.kind = 'RESELLER_MARGIN')::int as "marginPostings"
        from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
        where t.reference like ${`server:${serverId}:%`} or t.reference like ${`usage:${serverId}:%`}
          or t.reference like ${`usage-vat:${serverId}:%`} or t.reference like ${`usage-margin:${serverId}:%`}`);
      const [row] = rowsOf<{
        paid: string;
        revenue: string;
        margin: string;
        vat: string;
        marginPostings: number;
      }>(result);
      return {
        paid: BigInt(row!.paid),
        revenue: BigInt(row!.revenue),
        margin: BigInt(row!.margin),
        vat: BigInt(row!.vat),
        marginPostings: row!.marginPostings,
      };
    }

    /** Revenue keeps our price, the reseller gets the rest of what the customer paid, to the rial. */
    async function expectSplit(serverId: string, customerId: string, resellerId: string, until: Date) {
      const [meter] = await billing.meters([serverId]);
      const ended = meter!.endsAt !== null || meter!.isVoid;
      const customers = accruedUntil(meter!, until).amount;
      const ours = accruedUntil(atOurPrices(meter!, OURS.ourHourly), until).amount;
      const money = await moneyOf(serverId, customerId, resellerId);
      expect(money.paid).toBe(ended ? customers : max(customers, MARKED_UP.charge));
      expect(money.revenue).toBe(ended ? ours : max(ours, OURS.ourHourly));
      expect(money.margin).toBe(money.paid - money.revenue);
      // VAT is on the customer's whole price; the margin is pre-VAT.
      expect(money.vat).toBe(vatOn(customers, TEST_VAT_RATE));
      return money;
    }

    it("pays the reseller the markup of each posting, keeps our price in revenue, once, through resizes and deletions", async () => {
      const reseller = await insertUser(database, { role: "RESELLER" });
      const customer = await insertUser(database, { resellerId: reseller.id });
      await fundWallet(ledger, customer.id, 10_000_000n);
      const order = async (offsetMs: number) => {
        const server = aServer(customer.id, { createdAt: at(offsetMs), updatedAt: at(offsetMs) });
        expect((await servers.placeOrder(anOrder(server, MARKED_UP))).status).toBe("PLACED");
        return server.id;
      };
      // a runs all along, into the month cap in Aban; b is resized on day 2 and deleted on day 9;
      // c is deleted 20 seconds after its order (the 60-second minimum); d fails.
      const a = await order(0);
      const b = await order(HOUR);
      const c = await order(2 * HOUR);
      const d = await order(3 * HOUR);
      await move(a, "PENDING", "PROVISIONING", 60_000);
      await move(a, "PROVISIONING", "ACTIVE", 90_000);
      await move(b, "PENDING", "PROVISIONING", HOUR + 30_000);
      await move(b, "PROVISIONING", "ACTIVE", HOUR + 60_000);
      await move(c, "PENDING", "DELETING", 2 * HOUR + 10_000);
      await move(c, "DELETING", "DELETED", 2 * HOUR + 20_000);
      await move(d, "PENDING", "PROVISIONING", 3 * HOUR + 5_000);
      const refund = serverFailureRefund({
        id: randomUUID(),
        serverId: d,
        userId: customer.id,
        serverName: "web-1",
        amount: Rial.of(MARKED_UP.charge),
        at: at(3 * HOUR + 45_000),
      });
      await move(d, "PROVISIONING", "FAILED", 3 * HOUR + 45_000, { ledger: refund });

      const resizedAt = HOUR + 2 * 24 * HOUR + 1234_000;
      const deletedAt = HOUR + 9 * 24 * HOUR + 17_000;
      const events: [number, () => Promise<void>][] = [
        [resizedAt - 300_000, () => move(b, "ACTIVE", "RESIZING", resizedAt - 300_000)],
        [
          resizedAt,
          () =>
            move(b, "RESIZING", "ACTIVE", resizedAt, {
              changes: { planId: "do-s-1vcpu-2gb" },
              rate: {
                startsAt: at(resizedAt),
                planId: "do-s-1vcpu-2gb",
                hourlyRate: Rial.of(23_000n),
                monthlyCap: Rial.of(23_000_000n),
                ourHourlyRate: Rial.of(20_000n),
                ourMonthlyCap: Rial.of(20_000_000n),
              },
            }),
        ],
        [
          deletedAt,
          () =>
            move(b, "ACTIVE", "DELETING", deletedAt - 5_000).then(() =>
              move(b, "DELETING", "DELETED", deletedAt),
            ),
        ],
      ];
      const end = 35 * 24 * HOUR;
      for (let hour = 3 * HOUR; hour <= end; hour += 3 * HOUR) {
        while (events.length > 0 && events[0]![0] < hour) await events.shift()![1]();
        await billing.settle(at(hour));
      }

      // c: 60 s at 11,500 an hour is 191 rials, at 10,000 it is 166: 25 to the reseller.
      expect(await expectSplit(c, customer.id, reseller.id, at(end))).toMatchObject({
        paid: 191n,
        revenue: 166n,
        margin: 25n,
      });
      // d never settled: its refunded order leaves nothing to anyone.
      expect(await expectSplit(d, customer.id, reseller.id, at(end))).toMatchObject({
        paid: 0n,
        revenue: 0n,
        margin: 0n,
        marginPostings: 0,
      });
      let margins = 0n;
      for (const id of [a, b, c, d])
        margins += (await expectSplit(id, customer.id, reseller.id, at(end))).margin;
      // a: both sides capped in Aban, so its margin is the markup of the caps and of Mehr's hours.
      expect((await moneyOf(a, customer.id, reseller.id)).margin).toBe(
        (1_805_000n * 1_500n) / 10_000n + 300_000n,
      );
      expect((await ledger.balance(reseller.id)).amount).toBe(margins);

      // The first posting of a pays the markup of its prepaid hour, as a RESELLER_MARGIN to the reseller.
      const first = await ledger.findByReference(usageMarginReference(a, t0));
      expect(first).toMatchObject({ kind: "RESELLER_MARGIN" });
      expect(first!.walletChanges().get(reseller.id)).toEqual(Rial.of(1_500n));
      // The reseller's statement shows its margins, and nothing else.
      const statement = await ledger.entries({ userId: reseller.id, limit: 100 });
      expect(new Set(statement.entries.map((entry) => entry.kind))).toEqual(new Set(["RESELLER_MARGIN"]));

      // Re-runs, two runs at once and a run rolled back after its statement post each window once.
      expect(await billing.settle(at(end))).toBe(0);
      const later = at(end + 5 * HOUR);
      await expect(
        database.db.transaction(async (tx) => {
          await settleMeters(tx, later, null, TEST_VAT_RATE);
          throw new Error("the worker dies before its commit");
        }),
      ).rejects.toThrow("the worker dies");
      const [one, two] = await Promise.all([billing.settle(later), billing.settle(later)]);
      expect(one + two).toBe(1);
      await expectSplit(a, customer.id, reseller.id, later);
      expect(await checkLedger(database.db)).toEqual([]);
    });

    it("posts no margin for a customer of a reseller without a markup", async () => {
      const reseller = await insertUser(database, { role: "RESELLER" });
      const customer = await insertUser(database, { resellerId: reseller.id });
      await fundWallet(ledger, customer.id, 1_000_000n);
      const server = aServer(customer.id, { createdAt: at(0), updatedAt: at(0) });
      const plain = { charge: OURS.ourHourly, monthly: OURS.ourMonthly, ...OURS };
      expect((await servers.placeOrder(anOrder(server, plain))).status).toBe("PLACED");
      for (const [from, to] of [
        ["PENDING", "PROVISIONING"],
        ["PROVISIONING", "ACTIVE"],
      ] as const) {
        expect((await servers.change({ serverId: server.id, from: [from], to, at: at(60_000) })).status).toBe(
          "CHANGED",
        );
      }
      for (let hour = 1; hour <= 5; hour += 1) await billing.settle(at(hour * HOUR));
      const money = await moneyOf(server.id, customer.id, reseller.id);
      expect(money).toMatchObject({
        paid: 50_000n,
        revenue: 50_000n,
        margin: 0n,
        marginPostings: 0,
      });
      expect((await ledger.balance(reseller.id)).amount).toBe(0n);
      expect(await checkLedger(database.db)).toEqual([]);
    });
  });
}
