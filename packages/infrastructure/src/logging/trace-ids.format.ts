import { trace } from "@opentelemetry/api";
import { format } from "winston";
import { tracingActive } from "../tracing/tracer.ts";

/** The active span's ids, as log lines carry them; null when tracing is off or no span is active. */
export function activeTraceIds(): { trace_id: string; span_id: string } | null {
  if (!tracingActive()) return null;
  const span = trace.getActiveSpan();
  if (span === undefined || !span.isRecording()) return null;
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

/** Adds `trace_id` and `span_id` to a line logged inside a span, so logs and traces join. */
export const traceIds = format((info) => {
  const ids = activeTraceIds();
  if (ids !== null) Object.assign(info, ids);
  return info;
});
