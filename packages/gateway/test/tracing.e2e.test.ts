import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import {
  startInMemoryTracing,
  type InMemoryTracing,
  type ReadableSpan,
} from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLiveSandbox, type LiveSandbox } from "./support/server-live-sandbox.ts";
import { recordStatuses } from "./support/server-live-streams.ts";

const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;

/**
 * One trace for an order: the gateway's HTTP and GraphQL spans, the database statements of the
 * order, the provisioning job run by the worker and its calls to the (simulated) cloud, all under
 * the trace id the client's request started, as main.ts runs them with ROLE=all on the embedded
 * database and an OTLP endpoint set (here an in-memory exporter instead).
 */
describe("tracing an order (embedded database, simulators, in-memory exporter)", () => {
  let tracing: InMemoryTracing;
  let sandbox: LiveSandbox;
  beforeAll(async () => {
    // Before the database opens: its statements are traced only when tracing was on at open.
    tracing = await startInMemoryTracing();
    sandbox = await startLiveSandbox({ actionMs: 50 });
  });
  afterAll(async () => {
    await sandbox?.close();
    await tracing?.shutdown();
  });

  it("joins gateway, database, job and provider spans in the trace of orderServer", async () => {
    const { client } = await sandbox.customer("500000000");
    const { orderServer } = await client.OrderServer({
      input: {
        name: "traced",
        planId: "do-s-1vcpu-1gb",
        regionId: "do-fra1",
        imageId: "ubuntu-24.04",
        idempotencyKey: randomUUID(),
      },
    });
    expect(orderServer.userErrors).toEqual([]);
    const statuses = recordStatuses(client, orderServer.server!.id);
    try {
      await statuses.waitFor((event) => event.status === "ACTIVE", "ACTIVE", 60_000);
    } finally {
      await statuses.stop();
    }

    const operation = tracing.spans().find((span) => span.name === "mutation OrderServer");
    expect(operation?.attributes).toMatchObject({
      "graphql.operation.type": "mutation",
      "graphql.operation.name": "OrderServer",
    });
    const traceId = operation!.spanContext().traceId;
    const inTrace = () => tracing.spans().filter((span) => span.spanContext().traceId === traceId);
    // The job's span ends after the server is ACTIVE (the job completes just after).
    await vi.waitFor(
      () => expect(inTrace().some((span) => span.name === "job servers.provision")).toBe(true),
      {
        timeout: 10_000,
        interval: 50,
      },
    );
    const spans = inTrace();
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));

    const http = spans.find((span) => span.kind === SpanKind.SERVER);
    expect(http).toMatchObject({ name: "POST /graphql" });
    expect(http!.attributes["http.response.status_code"]).toBe(200);
    expect(parentOf(operation!)).toBe(http!.spanContext().spanId);

    const statements = spans.filter((span) => span.attributes["db.system"] === "postgresql");
    expect(statements.map((span) => span.attributes["db.operation.name"])).toEqual(
      expect.arrayContaining(["SELECT", "INSERT", "UPDATE"]),
    );
    expect(statements.some((span) => parentOf(span) === operation!.spanContext().spanId)).toBe(true);
    for (const span of statements) expect(JSON.stringify(span.attributes)).not.toContain("traced");

    const job = spans.find((span) => span.name === "job servers.provision")!;
    expect(job.kind).toBe(SpanKind.CONSUMER);
    expect(parentOf(job)).toBe(operation!.spanContext().spanId);

    const calls = spans.filter((span) => span.attributes["peer.service"] === "digitalocean");
    expect(calls.map((span) => span.name)).toContain("POST digitalocean");
    const underJob = (span: ReadableSpan): boolean => {
      for (let at = byId.get(parentOf(span) ?? ""); at; at = byId.get(parentOf(at) ?? ""))
        if (at === job) return true;
      return false;
    };
    const create = calls.find((span) => span.name === "POST digitalocean")!;
    expect(create.kind).toBe(SpanKind.CLIENT);
    expect(underJob(create)).toBe(true);
    expect(statements.some(underJob)).toBe(true);
  });

  it("traces a subscribe message: one span, the opening-state read its child, no variables or token", async () => {
    const { client } = await sandbox.customer("500000000");
    const { orderServer } = await client.OrderServer({
      input: {
        name: "watched",
        planId: "do-s-1vcpu-1gb",
        regionId: "do-fra1",
        imageId: "ubuntu-24.04",
        idempotencyKey: randomUUID(),
      },
    });
    const serverId = orderServer.server!.id;
    tracing.reset();
    const statuses = recordStatuses(client, serverId);
    try {
      await statuses.waitFor(() => true, "the opening event");
    } finally {
      await statuses.stop();
    }

    const subscribe = tracing.spans().find((span) => span.name === "subscription ServerStatusChanged");
    expect(subscribe?.kind).toBe(SpanKind.SERVER);
    expect(subscribe!.attributes).toEqual({
      "graphql.operation.type": "subscription",
      "graphql.operation.name": "ServerStatusChanged",
    });
    expect(subscribe!.events).toEqual([]);
    expect(parentOf(subscribe!)).toBeUndefined();
    const children = tracing.spans().filter((span) => parentOf(span) === subscribe!.spanContext().spanId);
    expect(children.map((span) => span.attributes["db.operation.name"])).toContain("SELECT");
    const recorded = JSON.stringify(tracing.spans().map((span) => [span.name, span.attributes, span.events]));
    expect(recorded).not.toContain(serverId);
    expect(recorded).not.toContain("Bearer");
  });

  it("ends a refused subscribe message's span in error, without its variables", async () => {
    const { client } = await sandbox.customer("1");
    tracing.reset();
    const foreignId = Buffer.from(`Server:${randomUUID()}`).toString("base64url");
    const statuses = recordStatuses(client, foreignId);
    await expect(statuses.waitFor(() => true, "an event", 10_000)).rejects.toThrow(/stream failed/);
    await statuses.stop();

    const subscribe = tracing.spans().find((span) => span.name === "subscription ServerStatusChanged");
    expect(subscribe?.status.code).toBe(SpanStatusCode.ERROR);
    expect(JSON.stringify([subscribe!.attributes, subscribe!.events])).not.toContain(foreignId);
  });
});
