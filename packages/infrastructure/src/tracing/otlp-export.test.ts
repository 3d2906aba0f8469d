import { trace } from "@opentelemetry/api";
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTracing } from "./start-tracing.ts";
import { inSpan, tracingActive } from "./tracer.ts";

interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A collector's OTLP/HTTP receiver, as small as it gets: records each request and answers 200 `{}`. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      received.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const OPTIONS = { serviceName: "peykarband", serviceVersion: "1.2.3", deploymentName: "pk", role: "all" };

describe("startTracing", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    receiver?.server.close();
  });

  it("without an endpoint, loads nothing and keeps the API's no-op tracer", async () => {
    const tracing = await startTracing({ ...OPTIONS, endpoint: null });
    expect(tracingActive()).toBe(false);
    await inSpan("nothing", {}, async (span) => {
      expect(span).toBeNull();
      expect(trace.getActiveSpan()).toBeUndefined();
    });
    await tracing.forceFlush();
    await tracing.shutdown();
    expect(receiver.received).toEqual([]);
  });

  it("with OTEL_EXPORTER_OTLP_ENDPOINT, POSTs the spans to its /v1/traces", async () => {
    const tracing = await startTracing({ ...OPTIONS, endpoint: receiver.url });
    try {
      const traceId = await inSpan("exported", {}, async (span) => span!.spanContext().traceId);
      await tracing.forceFlush();
      expect(receiver.received).toHaveLength(1);
      const [request] = receiver.received;
      expect(request).toMatchObject({ method: "POST", path: "/v1/traces" });
      expect(request!.headers["content-type"]).toContain("application/json");
      const body = JSON.parse(request!.body) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: { stringValue?: string } }[] };
          scopeSpans: { spans: { name: string; traceId: string }[] }[];
        }[];
      };
      const [resourceSpans] = body.resourceSpans;
      expect(resourceSpans!.resource.attributes).toContainEqual({
        key: "service.name",
        value: { stringValue: "peykarband" },
      });
      expect(resourceSpans!.scopeSpans[0]!.spans).toEqual([
        expect.objectContaining({ name: "exported", traceId }),
      ]);
    } finally {
      await tracing.shutdown();
    }
    expect(tracingActive()).toBe(false);
  });
});
