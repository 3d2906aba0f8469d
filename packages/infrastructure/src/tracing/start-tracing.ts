import type { SpanExporter } from "@opentelemetry/sdk-trace-base";

export interface TracingOptions {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the collector's base URL (spans go to `/v1/traces`); null: off. */
  readonly endpoint: string | null;
  readonly serviceName: string;
  readonly serviceVersion: string;
  readonly deploymentName: string;
  readonly role: string;
  /** Spans go here instead of over OTLP, each as it ends (tests, the tracing bench). */
  readonly exporter?: SpanExporter;
}

export interface Tracing {
  /** Sends the spans still batched. */
  forceFlush(): Promise<void>;
  /** Flushes, then turns tracing off again. */
  shutdown(): Promise<void>;
}

const OFF: Tracing = { forceFlush: async () => undefined, shutdown: async () => undefined };

/**
 * Starts tracing when an OTLP endpoint (or an exporter) is given. Otherwise nothing is loaded: the
 * SDK is imported only here, on demand, and the seams keep to the API's no-op tracer. Call it
 * before opening anything whose calls are traced.
 */
export async function startTracing(options: TracingOptions): Promise<Tracing> {
  if (options.endpoint === null && options.exporter === undefined) return OFF;
  const { registerTracing } = await import("./tracing-sdk.ts");
  return registerTracing(options);
}
