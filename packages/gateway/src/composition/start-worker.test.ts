import type { ReconciliationReport, RequestContext } from "@peykarband/application";
import { openJobQueue, type Database } from "@peykarband/infrastructure";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { JOBS, startWorker, type Worker } from "./start-worker.ts";

const NOTHING_TO_DO: ReconciliationReport = {
  examined: 0,
  credited: 0,
  alreadySettled: 0,
  failed: 0,
  stillPending: 0,
  rechecked: 0,
  creditedLate: 0,
};

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`startWorker on ${target.name}`, () => {
    let database: Database;
    let worker: Worker;
    const lines: { level: string; message: string; meta: Record<string, unknown> }[] = [];
    const record =
      (level: string) =>
      (message: string, meta: Record<string, unknown> = {}) =>
        lines.push({ level, message, meta });
    const logger = { info: record("info"), warn: record("warn"), error: record("error") };
    const reconciliations: RequestContext[] = [];
    let settlements = 0;
    let invoiceRuns = 0;
    let failNext = false;
    let failSettlementInDatabase = false;

    beforeAll(async () => {
      database = await target.open();
      worker = await startWorker({
        database,
        logger,
        handlers: {
          async reconcilePendingPayments(input, ctx) {
            expect(input).toEqual({});
            reconciliations.push(ctx);
            if (failNext) {
              failNext = false;
              throw new Error("gateway down");
            }
            return NOTHING_TO_DO;
          },
          async settleUsage() {
            if (failSettlementInDatabase) {
              failSettlementInDatabase = false;
              await database.db.execute(`select '{"unclosed'::jsonb`);
            }
            settlements += 1;
            return { until: "2026-12-07T05:00:00.000Z", postings: 3 };
          },
          async issueMonthlyInvoices() {
            invoiceRuns += 1;
            return { month: { year: 1405, month: 8 }, issued: 2, skipped: 1 };
          },
        },
        pollingIntervalSeconds: 0.5,
        cronIntervalSeconds: 1,
      });
    });
    afterAll(async () => {
      await worker?.stop();
      await database?.close();
    });

    const linesOf = (job: string) => lines.filter((line) => line.meta["job"] === job);

    it("reconciles payments on its schedule, as the system, and logs the run", async () => {
      await vi.waitFor(() => expect(reconciliations.length).toBeGreaterThan(0), {
        timeout: 15_000,
        interval: 100,
      });
      expect(reconciliations[0]).toMatchObject({
        viewer: null,
        ip: null,
        requestId: expect.stringMatching(/^job:/),
      });
      await vi.waitFor(() => expect(linesOf(JOBS.reconcilePayments.name)).toHaveLength(1));
      expect(linesOf(JOBS.reconcilePayments.name)[0]).toEqual({
        level: "info",
        message: "job done",
        meta: {
          job: "payments.reconcile",
          jobId: reconciliations[0]!.requestId.slice("job:".length),
          durationMs: expect.any(Number),
          outcome: "ok",
          result: NOTHING_TO_DO,
        },
      });
      await worker.ping();
    });

    it("cleans up accounts, and logs a failed run as failed", async () => {
      const other = await openJobQueue(database, { onError: (error) => expect.fail(error.message) });
      try {
        await other.send(JOBS.cleanupAccounts.name, {});
        failNext = true;
        await other.send(JOBS.reconcilePayments.name, {});
      } finally {
        await other.stop({ timeoutMs: 1000 });
      }

      await vi.waitFor(() => expect(linesOf(JOBS.cleanupAccounts.name)).toHaveLength(1), { timeout: 10_000 });
      expect(linesOf(JOBS.cleanupAccounts.name)[0]?.meta).toMatchObject({
        outcome: "ok",
        result: { throttleWindows: 0, refreshTokens: 0, sessionFamilies: 0 },
      });
      await vi.waitFor(
        () => expect(lines.filter((line) => line.meta["outcome"] === "failed")).toHaveLength(1),
        { timeout: 10_000 },
      );
      expect(lines.find((line) => line.meta["outcome"] === "failed")).toMatchObject({
        level: "error",
        message: "job failed",
        meta: { job: "payments.reconcile", error: "gateway down" },
      });
    });

    it("logs the database's own message, code and detail when a job's statement fails", async () => {
      failSettlementInDatabase = true;
      const other = await openJobQueue(database, { onError: (error) => expect.fail(error.message) });
      try {
        await other.send(JOBS.settleUsage.name, {});
      } finally {
        await other.stop({ timeoutMs: 1000 });
      }
      const failed = () => linesOf(JOBS.settleUsage.name).filter((line) => line.meta["outcome"] === "failed");
      await vi.waitFor(() => expect(failed()).toHaveLength(1), { timeout: 10_000 });
      expect(failed()[0]).toMatchObject({
        level: "error",
        message: "job failed",
        meta: {
          error: expect.stringContaining("Failed query"),
          cause: expect.stringMatching(/invalid input syntax for type json/),
          sqlState: "22P02",
          detail: expect.stringMatching(/\S/),
        },
      });
      // The retry (at once: retryDelay 0) runs it again, and it settles.
      await vi.waitFor(
        () => expect(linesOf(JOBS.settleUsage.name).some((l) => l.meta["outcome"] === "ok")).toBe(true),
        {
          timeout: 10_000,
        },
      );
      settlements = 0;
      lines.splice(0);
    });

    it("settles metered usage every hour on the hour, and logs what it posted", async () => {
      expect(JOBS.settleUsage).toEqual({ name: "billing.settle", cron: "0 * * * *" });
      const other = await openJobQueue(database, { onError: (error) => expect.fail(error.message) });
      try {
        await other.send(JOBS.settleUsage.name, {});
      } finally {
        await other.stop({ timeoutMs: 1000 });
      }
      await vi.waitFor(() => expect(linesOf(JOBS.settleUsage.name)).toHaveLength(1), { timeout: 10_000 });
      expect(settlements).toBe(1);
      expect(linesOf(JOBS.settleUsage.name)[0]?.meta).toMatchObject({
        outcome: "ok",
        result: { until: "2026-12-07T05:00:00.000Z", postings: 3 },
      });
    });

    it("issues the last month's invoices daily after Tehran's midnight, and logs how many", async () => {
      expect(JOBS.issueInvoices).toEqual({ name: "billing.invoices", cron: "5 21 * * *" });
      const other = await openJobQueue(database, { onError: (error) => expect.fail(error.message) });
      try {
        await other.send(JOBS.issueInvoices.name, {});
      } finally {
        await other.stop({ timeoutMs: 1000 });
      }
      await vi.waitFor(() => expect(linesOf(JOBS.issueInvoices.name)).toHaveLength(1), { timeout: 10_000 });
      expect(invoiceRuns).toBe(1);
      expect(linesOf(JOBS.issueInvoices.name)[0]?.meta).toMatchObject({
        outcome: "ok",
        result: { month: { year: 1405, month: 8 }, issued: 2, skipped: 1 },
      });
    });

    it("refuses ping once stopped", async () => {
      await worker.stop();
      await expect(worker.ping()).rejects.toThrow();
    });
  });
}
