import { SpanKind } from "@opentelemetry/api";
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { measuredCall } from "../http/outbound-call.ts";
import { createRequestLog } from "../logging/request-log.ts";
import { capturedLogger, PRODUCTION_LOGGING } from "../testing/captured-logger.ts";
import { startInMemoryTracing, type InMemoryTracing } from "../testing/in-memory-tracing.ts";
import { tracedRequestListener } from "./http-server-span.ts";
import { inSpan } from "./tracer.ts";

/**
 * A remote service and our own gateway in one: every request is traced as a server span (the
 * seam create-app.ts puts around the gateway's listener) and logs one line while it is handled.
 */
describe("trace context across HTTP, and trace ids in log lines", () => {
  let tracing: InMemoryTracing;
  let server: Server;
  let url: string;
  const seen: IncomingHttpHeaders[] = [];
  const { logger, lines } = capturedLogger();
  beforeAll(async () => {
    tracing = await startInMemoryTracing();
    server = createServer(
      tracedRequestListener((req, res) => {
        seen.push(req.headers);
        logger.info("handled", { path: req.url });
        res.end("ok");
      }),
    );
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.close();
    await tracing?.shutdown();
  });

  const get = (path: string, headers: Record<string, string>) =>
    measuredCall("digitalocean", "GET", async (trace) => {
      const response = await fetch(`${url}${path}`, { headers: { ...headers, ...trace } });
      await response.text();
      return { statusCode: response.status };
    });

  it("sends traceparent on outbound calls, and a traced listener continues the caller's trace", async () => {
    const caller = await inSpan("caller", {}, async (span) => {
      await get("/v2/droplets?page=2", {});
      return span!.spanContext();
    });
    const inTrace = () => tracing.spans().filter((span) => span.spanContext().traceId === caller.traceId);
    // The server span ends as the answer is flushed, which the client may see first.
    await vi.waitFor(() => expect(inTrace().some((span) => span.kind === SpanKind.SERVER)).toBe(true));
    const spans = inTrace();
    const client = spans.find((span) => span.kind === SpanKind.CLIENT)!;
    expect(client).toMatchObject({ name: "GET digitalocean" });
    expect(client.attributes).toMatchObject({
      "peer.service": "digitalocean",
      "http.response.status_code": 200,
    });
    expect(client.parentSpanContext?.spanId).toBe(caller.spanId);
    expect(seen.at(-1)!["traceparent"]).toBe(`00-${caller.traceId}-${client.spanContext().spanId}-01`);

    const served = spans.find((span) => span.kind === SpanKind.SERVER)!;
    expect(served).toMatchObject({ name: "GET /v2" });
    expect(served.attributes).toMatchObject({ "url.path": "/v2/droplets", "http.response.status_code": 200 });
    expect(served.parentSpanContext?.spanId).toBe(client.spanContext().spanId);
  });

  it("starts a new trace for a request without traceparent, and its log line carries the ids", async () => {
    const response = await fetch(`${url}/healthz`);
    await response.text();
    const servedHealth = () =>
      tracing
        .spans()
        .find((span) => span.kind === SpanKind.SERVER && span.attributes["url.path"] === "/healthz");
    await vi.waitFor(() => expect(servedHealth()).toBeDefined());
    const served = servedHealth()!;
    expect(served.parentSpanContext).toBeUndefined();
    const line = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(line).toMatchObject({
      message: "handled",
      path: "/healthz",
      trace_id: served.spanContext().traceId,
      span_id: served.spanContext().spanId,
    });
  });

  it("writes the trace id on the per-request line too, and no ids outside a span", async () => {
    const written: string[] = [];
    const requestLog = createRequestLog(capturedLogger().logger, PRODUCTION_LOGGING, {
      write: (chunk) => written.push(chunk),
    });
    const fields = {
      requestId: "r-1",
      viewerId: null,
      operationName: "Viewer",
      durationMs: 1,
      outcome: "ok",
    };
    const traced = await inSpan("graphql", {}, async (span) => {
      requestLog(fields);
      return span!.spanContext();
    });
    requestLog(fields);
    await new Promise((resolve) => setImmediate(resolve));
    const [inside, outside] = written
      .join("")
      .trim()
      .split("\n")
      .map((text) => JSON.parse(text) as object);
    expect(inside).toMatchObject({ requestId: "r-1", trace_id: traced.traceId, span_id: traced.spanId });
    expect(outside).not.toHaveProperty("trace_id");
  });
});
