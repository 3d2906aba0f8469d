import {
  deliverNotification,
  NOTIFICATION_JOB_NAME,
  runDunning,
  SERVER_JOB_NAMES,
  WEBHOOK_JOB_NAME,
  type DunningDeps,
  type RequestContext,
} from "@peykarband/application";
import { DEFAULT_DUNNING_SETTINGS, Phone, type ServerStatus } from "@peykarband/domain";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DrizzleAuditLog } from "../audit/audit-log.repository.ts";
import { DrizzleBillingRepository } from "../billing/billing.repository.ts";
import type { Database } from "../database/database.ts";
import { dunningEpisodes, notifications, users, webhookDeliveries } from "../database/schema.ts";
import { DrizzleWebhookRepository } from "../webhooks/webhook.repository.ts";
import { randomUUID } from "node:crypto";
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
import { startKavenegarSimulator } from "@peykarband/simulators";
import { captureMail } from "../notifications/captured-mail.ts";
import { KavenegarSmsSender } from "../notifications/kavenegar.sms-sender.ts";
import { DrizzleNotificationRepository } from "../notifications/notification.repository.ts";
import { DrizzleDunningRepository } from "./dunning.repository.ts";
import { rowsOf } from "../database/result-rows.ts";

const HOUR_S = 3_600;
const QUEUE = { policy: "standard", expireInSeconds: 60, retryLimit: 1 } as const;
const JOB: RequestContext = { requestId: "billing.dunning", ip: null, userAgent: null, viewer: null };
const mobile = (text: string) => {
  const parsed = Phone.parse(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`dunning on ${target.name}`, () => {
    let database: Database;
    let queue: JobQueue;
    let servers: DrizzleServerRepository;
    let ledger: DrizzleWalletLedger;
    let deps: DunningDeps;
    let clock: FixedClock;
    beforeAll(async () => {
      database = await target.open();
      await seedCatalog(database);
      queue = await openJobQueue(database, { onError: () => undefined });
      for (const name of [
        SERVER_JOB_NAMES.provision,
        SERVER_JOB_NAMES.operate,
        NOTIFICATION_JOB_NAME,
        WEBHOOK_JOB_NAME,
      ]) {
        await queue.createQueue(name, QUEUE);
      }
      servers = new DrizzleServerRepository(database.db, queue, TEST_VAT_RATE);
      ledger = new DrizzleWalletLedger(database.db);
      clock = new FixedClock(new Date("2026-12-01T06:00:00.000Z"));
      deps = {
        dunning: new DrizzleDunningRepository(database.db, queue),
        billing: new DrizzleBillingRepository(database.db, TEST_VAT_RATE),
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

    /** Two workers at once, then a re-run: every effect must happen once. */
    const runTwiceAndAgain = async () => {
      await Promise.all([runDunning(deps, JOB), runDunning(deps, JOB)]);
      await runDunning(deps, JOB);
    };
    const noticesOf = (userId: string) =>
      database.db
        .select({
          kind: notifications.kind,
          channel: notifications.channel,
          language: notifications.language,
          recipient: notifications.recipient,
          subject: notifications.subject,
          body: notifications.body,
        })
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(asc(notifications.createdAt), asc(notifications.channel));
    const kindsOf = async (userId: string) => (await noticesOf(userId)).map((n) => `${n.kind}/${n.channel}`);
    const episodesOf = (userId: string) =>
      database.db.select().from(dunningEpisodes).where(eq(dunningEpisodes.userId, userId));
    const jobsFor = async (name: string, key: string, value: string): Promise<number> => {
      const result: unknown = await database.db.execute(
        sql`select count(*)::int as n from pgboss.job where name = ${name} and data->>${key} = ${value}`,
      );
      const rows = rowsOf<{ n: number }>(result);
      return rows[0]!.n;
    };
    /** A running server at 10,000 rials an hour (11,000 with 10 % VAT) whose wallet lasts `hours` from now. */
    const customerWithServer = async (hours: bigint, language: "fa" | "en", phone: string | null) => {
      const user = await insertUser(database, { phone: phone ? mobile(phone) : null });
      await database.db.update(users).set({ language }).where(eq(users.id, user.id));
      await fundWallet(ledger, user.id, hours * 11_000n);
      const server = aServer(user.id, { createdAt: clock.now(), updatedAt: clock.now() });
      expect((await servers.placeOrder(anOrder(server, { charge: 10_000n }))).status).toBe("PLACED");
      const move = async (from: ServerStatus, to: ServerStatus, changes = {}) =>
        expect(
          (await servers.change({ serverId: server.id, from: [from], to, changes, at: clock.now() })).status,
        ).toBe("CHANGED");
      await move("PENDING", "PROVISIONING");
      await move("PROVISIONING", "ACTIVE", { providerServerId: server.id });
      return { userId: user.id, serverId: server.id, move, stored: () => servers.findById(server.id) };
    };
    /** What servers.operate would store once the provider confirmed. */
    const providerConfirms = (
      c: Awaited<ReturnType<typeof customerWithServer>>,
      from: ServerStatus,
      to: ServerStatus,
    ) =>
      c.move(from, to, { pendingOperation: null, ...(to === "DELETED" ? { deletedAt: clock.now() } : {}) });

    it("writes one BALANCE_LOW webhook delivery, with its job, with the low-balance warning", async () => {
      const c = await customerWithServer(100n, "en", null);
      const endpointId = randomUUID();
      await new DrizzleWebhookRepository(database.db, queue).createEndpoint({
        id: endpointId,
        userId: c.userId,
        url: "https://partner.example.com/hook",
        events: ["BALANCE_LOW"],
        createdAt: clock.now(),
        disabledAt: null,
        disabledReason: null,
        failingSince: null,
        sealedSecret: "sealed",
      });
      clock.advance(28 * HOUR_S + 60); // 71 h 59 min left
      await runTwiceAndAgain();
      expect(await kindsOf(c.userId)).toEqual(["WALLET_RUNNING_LOW/EMAIL"]);
      const deliveries = await database.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, endpointId));
      expect(deliveries.map((d) => d.eventType)).toEqual(["BALANCE_LOW"]);
      const { balance } = (JSON.parse(deliveries[0]!.body) as { data: { balance: string } }).data;
      expect(BigInt(balance)).toBeGreaterThan(0n);
      expect(await jobsFor(WEBHOOK_JOB_NAME, "deliveryId", deliveries[0]!.id)).toBe(1);
    });

    it("warns at 72 h, suspends after the 24-hour grace, warns a day ahead, terminates after 7 days: each once, in Persian", async () => {
      const c = await customerWithServer(100n, "fa", "09121234567");
      await runTwiceAndAgain();
      clock.advance(27 * HOUR_S + 59 * 60); // 72 h 1 min left
      await runTwiceAndAgain();
      expect(await kindsOf(c.userId)).toEqual([]);

      clock.advance(2 * 60); // 71 h 59 min left
      await runTwiceAndAgain();
      expect(await kindsOf(c.userId)).toEqual(["WALLET_RUNNING_LOW/EMAIL", "WALLET_RUNNING_LOW/SMS"]);
      const [email, sms] = await noticesOf(c.userId);
      expect(email).toMatchObject({ language: "fa", subject: "موجودی کیف پول شما رو به پایان است" });
      expect(email!.recipient).toMatch(/^user-.*@example\.ir$/);
      expect(sms).toMatchObject({ language: "fa", recipient: "+989121234567" });
      expect(sms!.body).toMatch(/^پیکربند: /);

      clock.advance(72 * HOUR_S); // spent
      await runTwiceAndAgain();
      expect((await kindsOf(c.userId)).slice(2)).toEqual(["WALLET_IN_DEBT/EMAIL", "WALLET_IN_DEBT/SMS"]);
      expect(await c.stored()).toMatchObject({ status: "ACTIVE" });

      clock.advance(24 * HOUR_S - 60); // a minute before the grace ends
      await runTwiceAndAgain();
      expect(await c.stored()).toMatchObject({ status: "ACTIVE" });
      clock.advance(60);
      await runTwiceAndAgain();
      expect(await c.stored()).toMatchObject({ status: "SUSPENDED", pendingOperation: "POWER_OFF" });
      expect(await jobsFor(SERVER_JOB_NAMES.operate, "serverId", c.serverId)).toBe(1);
      expect((await kindsOf(c.userId)).slice(4)).toEqual([
        "SERVERS_SUSPENDED/EMAIL",
        "SERVERS_SUSPENDED/SMS",
      ]);
      await providerConfirms(c, "SUSPENDED", "SUSPENDED");
      await runTwiceAndAgain();
      expect(await jobsFor(SERVER_JOB_NAMES.operate, "serverId", c.serverId)).toBe(1);

      clock.advance(6 * 24 * HOUR_S - 60); // a day and a minute before deletion
      await runTwiceAndAgain();
      expect(await kindsOf(c.userId)).toHaveLength(6);
      clock.advance(60);
      await runTwiceAndAgain();
      expect((await kindsOf(c.userId)).slice(6)).toEqual(["TERMINATION_SOON/EMAIL", "TERMINATION_SOON/SMS"]);

      clock.advance(24 * HOUR_S);
      await runTwiceAndAgain();
      expect(await c.stored()).toMatchObject({ status: "DELETING", pendingOperation: "DELETE" });
      expect(await jobsFor(SERVER_JOB_NAMES.operate, "serverId", c.serverId)).toBe(2);
      expect((await kindsOf(c.userId)).slice(8)).toEqual([
        "SERVERS_TERMINATED/EMAIL",
        "SERVERS_TERMINATED/SMS",
      ]);
      await providerConfirms(c, "DELETING", "DELETED");
      await runTwiceAndAgain();

      const [episode] = await episodesOf(c.userId);
      expect(episode).toMatchObject({ stage: "TERMINATING" });
      expect(episode!.closedAt).toEqual(clock.now());
      expect(await kindsOf(c.userId)).toHaveLength(10);
      const notificationIds = await database.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(eq(notifications.userId, c.userId));
      for (const { id } of notificationIds)
        expect(await jobsFor(NOTIFICATION_JOB_NAME, "notificationId", id)).toBe(1);
      const audited: unknown = await database.db.execute(
        sql`select count(*)::int as n from audit_events where action = 'DUNNING_STAGE_CHANGED' and subject_id = ${c.userId}`,
      );
      const auditRows = rowsOf<{
        n: number;
      }>(audited);
      // WARNED, GRACE, SUSPENDED, the termination warning, TERMINATING, closed.
      expect(auditRows[0]!.n).toBe(6);
    });

    it("a top-up that clears the debt powers suspended servers on again, and tells the customer in English", async () => {
      const c = await customerWithServer(10n, "en", null);
      clock.advance(10 * HOUR_S);
      await runTwiceAndAgain();
      clock.advance(24 * HOUR_S);
      await runTwiceAndAgain();
      expect(await c.stored()).toMatchObject({ status: "SUSPENDED", pendingOperation: "POWER_OFF" });
      await providerConfirms(c, "SUSPENDED", "SUSPENDED");

      await fundWallet(ledger, c.userId, 2_000_000n);
      await runTwiceAndAgain();
      expect(await c.stored()).toMatchObject({ status: "SUSPENDED", pendingOperation: "POWER_ON" });
      expect(await jobsFor(SERVER_JOB_NAMES.operate, "serverId", c.serverId)).toBe(2);
      await providerConfirms(c, "SUSPENDED", "ACTIVE");
      await runTwiceAndAgain();

      const notices = await noticesOf(c.userId);
      expect(notices.map((n) => `${n.kind}/${n.channel}/${n.language}`)).toEqual([
        "WALLET_IN_DEBT/EMAIL/en",
        "SERVERS_SUSPENDED/EMAIL/en",
        "SERVERS_RESUMED/EMAIL/en",
      ]);
      expect(notices[2]!.subject).toBe("Your servers are being powered on");
      const episodes = await episodesOf(c.userId);
      expect(episodes).toHaveLength(1);
      expect(episodes[0]).toMatchObject({ stage: "RESUMING" });
      expect(episodes[0]!.closedAt).not.toBeNull();
      expect(await c.stored()).toMatchObject({ status: "ACTIVE", pendingOperation: null });
    });
    it("the worker sends each outbox row once: the Persian SMS reaches Kavenegar, the mail the capture", async () => {
      const kavenegar = await startKavenegarSimulator();
      try {
        const c = await customerWithServer(50n, "fa", "09351112233");
        await runDunning(deps, JOB);
        const rows = await database.db
          .select({ id: notifications.id, channel: notifications.channel })
          .from(notifications)
          .where(eq(notifications.userId, c.userId));
        expect(rows.map((r) => r.channel).sort()).toEqual(["EMAIL", "SMS"]);
        const mail = captureMail("Peykarband <no-reply@peykarband.ir>");
        const send = {
          notifications: new DrizzleNotificationRepository(database.db),
          email: mail.sender,
          sms: new KavenegarSmsSender({ baseUrl: kavenegar.url, apiKey: kavenegar.apiKey, sender: null }),
          clock,
        };
        for (const { id } of rows) {
          expect(await deliverNotification(send, { notificationId: id })).toMatchObject({ status: "SENT" });
          expect(await deliverNotification(send, { notificationId: id })).toEqual({ status: "ALREADY_SENT" });
        }
        const [sms] = kavenegar.messages();
        expect(kavenegar.messages()).toHaveLength(1);
        expect(sms).toMatchObject({ receptor: "09351112233" });
        expect(sms!.message).toMatch(/^پیکربند: با مصرف فعلی سرورها، موجودی کیف پول شما/);
        expect(mail.captured()).toHaveLength(1);
        const stored = await database.db
          .select()
          .from(notifications)
          .where(eq(notifications.userId, c.userId));
        for (const row of stored) {
          expect(row.sentAt).toEqual(clock.now());
          expect(row.attempts).toBe(1);
          expect(row.providerMessageId).not.toBeNull();
        }
        expect(stored.find((r) => r.channel === "SMS")!.providerMessageId).toBe(String(sms!.messageid));
      } finally {
        await kavenegar.close();
      }
    });
  });
}
