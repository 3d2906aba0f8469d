import { SpanKind } from "@opentelemetry/api";
import { contextFromHeaders, inSpan, traceHeaders, tracingActive } from "../tracing/tracer.ts";
import type { Job } from "./pg-boss.job-queue.ts";

/** The key under which a job's data carries the trace context (W3C `traceparent`) of its sender. */
const TRACE_KEY = "_trace";

/** The job's data with the sender's trace context added, so its run joins the sender's trace. */
export function withTraceContext(data: object): object {
  if (!tracingActive()) return data;
  const carrier = traceHeaders();
  return Object.keys(carrier).length === 0 ? data : { ...data, [TRACE_KEY]: carrier };
}

/**
 * Runs each job as a consumer span, a child of the span that sent it (or a new trace for a
 * scheduled job). The trace context is taken out of the data before the handler sees it, with
 * tracing on or off.
 */
export function tracedHandler<T>(
  queue: string,
  handler: (job: Job<T>) => Promise<void>,
): (job: Job<T>) => Promise<void> {
  return (job) => {
    const data = job.data as unknown;
    const carried = typeof data === "object" && data !== null && TRACE_KEY in data;
    if (!carried && !tracingActive()) return handler(job);
    let carrier: unknown = {};
    let run = job;
    if (carried) {
      const { [TRACE_KEY]: sent, ...rest } = data as Record<string, unknown>;
      carrier = sent;
      run = { ...job, data: rest as T };
    }
    const headers =
      typeof carrier === "object" && carrier !== null ? (carrier as Record<string, unknown>) : {};
    return inSpan(
      `job ${queue}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          "messaging.system": "pg-boss",
          "messaging.operation.type": "process",
          "messaging.destination.name": queue,
          "messaging.message.id": job.id,
          "peykarband.job.retry_count": job.retryCount,
        },
      },
      () => handler(run),
      contextFromHeaders(headers),
    );
  };
}
