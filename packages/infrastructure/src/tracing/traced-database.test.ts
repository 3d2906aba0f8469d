import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../database/database.ts";
import { openJobQueue, type Job, type JobQueue } from "../jobs/pg-boss.job-queue.ts";
import { startInMemoryTracing, type InMemoryTracing } from "../testing/in-memory-tracing.ts";
import { testDatabases } from "../testing/test-database.ts";
import { inSpan } from "./tracer.ts";

const tracing: { current?: InMemoryTracing } = {};
// Before any database opens: a database is traced only when tracing was on when it opened.
beforeAll(async () => {
  tracing.current = await startInMemoryTracing();
});
afterAll(async () => {
  await tracing.current?.shutdown();
});
const spans = () => tracing.current!.spans();
const inTrace = (traceId: string) => spans().filter((span) => span.spanContext().traceId === traceId);

for (const target of testDatabases()) {
  describe.skipIf(target.skipReason !== null)(`traced statements and jobs on ${target.name}`, () => {
    let database: Database;
    let queue: JobQueue;
    beforeAll(async () => {
      database = await target.open();
      queue = await openJobQueue(database, { onError: (error) => expect.fail(error.message) });
    });
    afterAll(async () => {
      await queue?.stop({ timeoutMs: 1000 });
      await database?.close();
    });

    it("makes each statement a client span with its operation, never its parameters", async () => {
      const marker = `secret-${randomUUID()}`;
      const traceId = await inSpan("test", {}, async (span) => {
        await database.db.execute(sql`select ${marker}::text as marker`);
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          await tx.execute(sql`update users set email = email where email = ${marker}`);
        });
        await expect(database.db.execute(sql`select * from no_such_table`)).rejects.toThrow();
        return span!.spanContext().traceId;
      });
      const statements = inTrace(traceId).filter((span) => span.attributes["db.system"] === "postgresql");
      expect(statements.map((span) => span.name)).toEqual(["SELECT", "SELECT", "UPDATE", "SELECT"]);
      for (const span of statements) {
        expect(span.kind).toBe(SpanKind.CLIENT);
        expect(span.attributes["db.operation.name"]).toBe(span.name);
        expect(JSON.stringify(span.attributes)).not.toContain(marker);
      }
      expect(statements.at(-1)!.status.code).toBe(SpanStatusCode.ERROR);
    });

    it("runs a job as a child of the span that sent it, and hands the handler its data alone", async () => {
      const name = `traced-${randomUUID()}`;
      await queue.createQueue(name, { policy: "standard", expireInSeconds: 60, retryLimit: 0 });
      const received: unknown[] = [];
      await queue.work(
        name,
        async (job: Job<unknown>) => {
          received.push(job.data);
        },
        { pollingIntervalSeconds: 0.5 },
      );
      const sender = await inSpan("sender", {}, async (span) => {
        await queue.send(name, { serverId: "s-1" });
        return span!.spanContext();
      });
      await vi.waitFor(
        () => expect(inTrace(sender.traceId).some((s) => s.name === `job ${name}`)).toBe(true),
        {
          timeout: 10_000,
          interval: 50,
        },
      );
      const run = inTrace(sender.traceId).find((span) => span.name === `job ${name}`)!;
      expect(run.kind).toBe(SpanKind.CONSUMER);
      expect(run.parentSpanContext?.spanId).toBe(sender.spanId);
      expect(run.attributes["messaging.destination.name"]).toBe(name);
      expect(received).toEqual([{ serverId: "s-1" }]);
    });
  });
}
