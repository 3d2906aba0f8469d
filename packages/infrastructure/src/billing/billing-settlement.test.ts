import {
  accruedUntil,
  Rial,
  serverFailureRefund,
  usageReference,
  vatOn,
  walletDebitTransaction,
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
import { at, HOUR, openSettlementRig, type SettlementRig } from "../testing/settlement-rig.ts";
import { testDatabases } from "../testing/test-database.ts";
import { fundWallet } from "../testing/wallet-fixtures.ts";
import type { DrizzleWalletLedger } from "../wallet/wallet-ledger.repository.ts";
import type { DrizzleBillingRepository } from "./billing.repository.ts";
import { rowsOf } from "../database/result-rows.ts";

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`billing settlement on ${target.name}`, () => {
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

    /** What the ledger took from the wallet for a server: order, refund and usage postings together. */
    async function chargedFor(serverId: string): Promise<bigint> {
      const result: unknown = await database.db.execute(sql`
        select coalesce(-sum(e.amount), 0)::text as charged
        from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
        where e.user_id is not null
          and (t.reference like ${`server:${serverId}:%`} or t.reference like ${`usage:${serverId}:%`})`);
      const rows = rowsOf<{
        charged: string;
      }>(result);
      return BigInt(rows[0]!.charged);
    }

    /** The VAT the ledger took from the wallet with a server's usage, and what VAT payable holds of it. */
    async function vatFor(serverId: string): Promise<{ wallet: bigint; payable: bigint; postings: number }> {
      const result: unknown = await database.db.execute(sql`
        select coalesce(-sum(e.amount) filter (where e.user_id is not null), 0)::text as wallet,
          coalesce(sum(e.amount) filter (where e.account = 'vat-payable'), 0)::text as payable,
          count(distinct t.id)::int as postings
        from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
        where t.kind = 'VAT' and t.reference like ${`usage-vat:${serverId}:%`}`);
      const rows = rowsOf<{
        wallet: string;
        payable: string;
        postings: number;
      }>(result);
      return {
        wallet: BigInt(rows[0]!.wallet),
        payable: BigInt(rows[0]!.payable),
        postings: rows[0]!.postings,
      };
    }

    /** Usage postings that accrued something, and those whose VAT transaction is the one named after them. */
    async function vatPostingsOf(serverId: string): Promise<{ accrued: number; named: number }> {
      const result: unknown = await database.db.execute(sql`
        select count(*) filter (where p.accrued_rials > 0)::int as accrued,
          count(t.id) filter (where t.reference = 'usage-vat:' || p.server_id || ':'
            || to_char(p.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::int as named
        from server_usage_postings p left join ledger_transactions t on t.id = p.vat_transaction_id
        where p.server_id = ${serverId}`);
      const rows = rowsOf<{
        accrued: number;
        named: number;
      }>(result);
      return rows[0]!;
    }

    it("charges a month of servers to the rial, once, through resizes, power cycles, deletions and failures", async () => {
      const user = await insertUser(database);
      await fundWallet(ledger, user.id, 60_000n);
      const order = async (offsetMs: number, options: Parameters<typeof anOrder>[1]) => {
        const server = aServer(user.id, { createdAt: at(offsetMs), updatedAt: at(offsetMs) });
        const placed = await servers.placeOrder(anOrder(server, options));
        expect(placed.status).toBe("PLACED");
        return server.id;
      };

      // a: runs all along at 10,000 an hour, capped at 2,000,000 a Jalali month.
      const a = await order(0, { charge: 10_000n, monthly: 2_000_000n });
      // b: 10,000 an hour, resized to 20,000 on day 2, off and on again, deleted on day 9.
      const b = await order(HOUR, { charge: 10_000n, monthly: 10n ** 9n });
      // c: deleted 20 seconds after its order: billed the 60-second minimum.
      const c = await order(2 * HOUR, { charge: 11_000n });
      // d: fails while provisioning: accrues nothing, its first hour is refunded.
      const d = await order(3 * HOUR, { charge: 11_000n });

      const resizedAt = HOUR + 2 * 24 * HOUR + 1234_000;
      const deletedAt = HOUR + 9 * 24 * HOUR + 17_000;
      const events: [number, () => Promise<void>][] = [
        [
          90_000,
          () =>
            move(a, "PENDING", "PROVISIONING", 60_000).then(() => move(a, "PROVISIONING", "ACTIVE", 90_000)),
        ],
        [
          HOUR + 60_000,
          () =>
            move(b, "PENDING", "PROVISIONING", HOUR + 30_000).then(() =>
              move(b, "PROVISIONING", "ACTIVE", HOUR + 60_000),
            ),
        ],
        [
          2 * HOUR + 20_000,
          () =>
            move(c, "PENDING", "DELETING", 2 * HOUR + 10_000).then(() =>
              move(c, "DELETING", "DELETED", 2 * HOUR + 20_000),
            ),
        ],
        [
          3 * HOUR + 45_000,
          async () => {
            await move(d, "PENDING", "PROVISIONING", 3 * HOUR + 5_000);
            const refund = serverFailureRefund({
              id: randomUUID(),
              serverId: d,
              userId: user.id,
              serverName: "web-1",
              amount: Rial.of(11_000n),
              at: at(3 * HOUR + 45_000),
            });
            await move(d, "PROVISIONING", "FAILED", 3 * HOUR + 45_000, { ledger: refund });
          },
        ],
        [resizedAt - 300_000, () => move(b, "ACTIVE", "RESIZING", resizedAt - 300_000)],
        [
          resizedAt,
          () =>
            move(b, "RESIZING", "ACTIVE", resizedAt, {
              changes: { planId: "do-s-1vcpu-2gb" },
              rate: {
                startsAt: at(resizedAt),
                planId: "do-s-1vcpu-2gb",
                hourlyRate: Rial.of(20_000n),
                monthlyCap: Rial.of(10n ** 9n),
                ourHourlyRate: Rial.of(20_000n),
                ourMonthlyCap: Rial.of(10n ** 9n),
              },
            }),
        ],
        [4 * 24 * HOUR + 777_000, () => move(b, "ACTIVE", "OFF", 4 * 24 * HOUR + 777_000)],
        [5 * 24 * HOUR + 999_000, () => move(b, "OFF", "ACTIVE", 5 * 24 * HOUR + 999_000)],
        [
          deletedAt,
          () =>
            move(b, "ACTIVE", "DELETING", deletedAt - 5_000).then(() =>
              move(b, "DELETING", "DELETED", deletedAt),
            ),
        ],
      ];

      // 35 days, settled every hour, with each server change at its own moment in between.
      const end = 35 * 24 * HOUR;
      for (let hour = HOUR; hour <= end; hour += HOUR) {
        while (events.length > 0 && events[0]![0] < hour) await events.shift()![1]();
        await billing.settle(at(hour));
      }

      const seconds = (ms: number) => BigInt(ms / 1000);
      // a: 180.5 hours of Mehr (1,805,000, under the cap), then the rest of the 35 days in Aban, capped.
      expect(await chargedFor(a)).toBe(1_805_000n + 2_000_000n);
      // b: seconds × rate, each side of the resize; the power cycle changes nothing.
      const bLife = deletedAt - HOUR;
      const beforeResize = seconds(resizedAt - HOUR);
      const afterResize = seconds(bLife) - beforeResize;
      expect(await chargedFor(b)).toBe((beforeResize * 10_000n + afterResize * 20_000n) / 3600n);
      // c: 60 s at 11,000 an hour is 183.33…: 183 rials; the rest of its prepaid hour came back.
      expect(await chargedFor(c)).toBe(183n);
      expect(await chargedFor(d)).toBe(0n);

      // Named as the domain names it: a's first charge beyond its prepaid hour is the window from hour 1.
      const firstCharge = await ledger.findByReference(usageReference(a, at(HOUR)));
      expect(firstCharge).toMatchObject({ kind: "USAGE" });
      expect(firstCharge!.walletChanges().get(user.id)).toEqual(Rial.of(-10_000n));

      // The same arithmetic, from the domain over the stored meters.
      const meters = await billing.meters([a, b, c, d]);
      for (const meter of meters) {
        const owed = accruedUntil(meter!, at(end));
        const ledgerSays = await chargedFor(meter!.serverId);
        expect(ledgerSays).toBe(
          meter!.endsAt || meter!.isVoid
            ? owed.amount
            : [owed.amount, meter!.prepaid.amount].reduce((x, y) => (x > y ? x : y)),
        );
      }

      // VAT, collected with each posting and carried: a server's VAT is 10 % of its usage, rounded once.
      let vatTotal = 0n;
      for (const meter of meters) {
        const vat = await vatFor(meter!.serverId);
        const accrued = accruedUntil(meter!, at(end)).amount;
        expect(vat.wallet).toBe(vatOn(accrued, TEST_VAT_RATE));
        expect(vat.payable).toBe(vat.wallet);
        const postings = await vatPostingsOf(meter!.serverId);
        // One VAT posting per usage posting with VAT in it (a window of a few rials may carry all of it).
        expect(postings.named).toBe(vat.postings);
        expect(vat.postings).toBeLessThanOrEqual(postings.accrued);
        vatTotal += vat.wallet;
      }
      expect((await vatFor(c)).wallet).toBe(18n); // 10 % of 183 is 18.3
      expect((await vatFor(d)).postings).toBe(0);

      // Usage took the wallet below zero: the debt is on the ledger, and guarded debits still refuse.
      const balance = await ledger.balance(user.id);
      const total = (await chargedFor(a)) + (await chargedFor(b)) + (await chargedFor(c));
      expect(balance.amount).toBe(60_000n - total - vatTotal);
      expect(balance.isNegative()).toBe(true);
      const debit = walletDebitTransaction({
        id: randomUUID(),
        userId: user.id,
        amount: Rial.of(1n),
        reference: `r-${randomUUID()}`,
        reason: "x",
        at: at(end),
      });
      if (!debit.ok) throw new Error(debit.error.message);
      expect((await ledger.debit(debit.value)).status).toBe("INSUFFICIENT_FUNDS");

      // A second run for the same moment posts nothing; two at once later post each window once.
      expect(await billing.settle(at(end))).toBe(0);
      // One hour into Azar (from 2026-11-21T20:30Z): a new month, so a accrues again. The window
      // is split at the month start (two postings, one per month, for invoices), each posted once.
      const later = at(901.5 * HOUR);
      const [first, second] = await Promise.all([billing.settle(later), billing.settle(later)]);
      expect(first + second).toBe(2);
      expect(await chargedFor(a)).toBe(3_805_000n + 10_000n);
      expect((await vatFor(a)).wallet).toBe(381_500n);
      expect(await checkLedger(database.db)).toEqual([]);
    });

    it("settles hourly runs racing status changes of the same servers without deadlock or double charge", async () => {
      const user = await insertUser(database);
      await fundWallet(ledger, user.id, 10_000_000n);
      const start = at(100 * 24 * HOUR);
      const when = (ms: number) => new Date(start.getTime() + ms);
      const ids: string[] = [];
      for (let n = 0; n < 12; n += 1) {
        const server = aServer(user.id, { createdAt: start, updatedAt: start, name: `race-${n}` });
        expect((await servers.placeOrder(anOrder(server, { charge: 10_000n, quotaLimit: 20 }))).status).toBe(
          "PLACED",
        );
        for (const [from, to] of [
          ["PENDING", "PROVISIONING"],
          ["PROVISIONING", "ACTIVE"],
        ] as const) {
          await servers.change({ serverId: server.id, from: [from], to, at: when(60_000) });
        }
        ids.push(server.id);
      }
      await Promise.all([
        billing.settle(when(2 * HOUR)),
        ...ids.map((serverId) =>
          servers.change({ serverId, from: ["ACTIVE"], to: "OFF", at: when(2 * HOUR) }),
        ),
        billing.settle(when(2 * HOUR)),
        billing.settle(when(2 * HOUR)),
      ]);
      await billing.settle(when(3 * HOUR));
      for (const id of ids) {
        expect(await chargedFor(id)).toBe(30_000n);
        expect((await vatFor(id)).wallet).toBe(3_000n);
      }
      expect(await checkLedger(database.db)).toEqual([]);
    });
  });
}
