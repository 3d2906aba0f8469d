import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { startTracing } from "../tracing/start-tracing.ts";

export type { ReadableSpan } from "@opentelemetry/sdk-trace-base";

export interface InMemoryTracing {
  /** Every span ended so far, in the order they ended. */
  spans(): ReadableSpan[];
  /** Forgets the spans kept so far (a long benchmark would otherwise hold them all). */
  reset(): void;
  shutdown(): Promise<void>;
}

/** Tracing on, as main.ts starts it, with every span kept in memory instead of sent over OTLP. */
export async function startInMemoryTracing(): Promise<InMemoryTracing> {
  const exporter = new InMemorySpanExporter();
  const tracing = await startTracing({
    endpoint: null,
    exporter,
    serviceName: "peykarband-test",
    serviceVersion: "test",
    deploymentName: "test",
    role: "all",
  });
  return {
    spans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    shutdown: () => tracing.shutdown(),
  };
}
