import { SpanStatusCode, trace } from "@opentelemetry/api";

const tracer = trace.getTracer("peykarband");

/**
 * Runs Apollo's handling of one request inside a GraphQL span, when the request is traced (its
 * HTTP server span is recording, which it is only with tracing on): resolvers' database and job
 * spans become its children. Without tracing, just `work`.
 */
export function inOperationSpan<T>(work: () => Promise<T>): Promise<T> {
  if (!trace.getActiveSpan()?.isRecording()) return work();
  return tracer.startActiveSpan("graphql", async (span) => {
    try {
      return await work();
    } finally {
      span.end();
    }
  });
}

/** Names the GraphQL span after the operation (`mutation orderServer`) once Apollo has resolved it. */
export function nameOperationSpan(type: string, name: string | null): void {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return;
  span.updateName(`${type} ${name ?? "anonymous"}`);
  span.setAttribute("graphql.operation.type", type);
  if (name !== null) span.setAttribute("graphql.operation.name", name);
}

/** Marks the GraphQL span failed by an unexpected error (a bug or an outage, not a user error). */
export function failOperationSpan(error: Error): void {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return;
  span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
}
