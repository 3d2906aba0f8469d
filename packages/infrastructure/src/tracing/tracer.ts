import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type SpanOptions,
} from "@opentelemetry/api";

/** Every span of ours comes from this tracer: the API's no-op one until startTracing registers a provider. */
export const tracer = trace.getTracer("peykarband");

let tracing = false;

/** Set by startTracing and its shutdown; the seams check it first, so tracing off costs one boolean. */
export function setTracingActive(active: boolean): void {
  tracing = active;
}

export function tracingActive(): boolean {
  return tracing;
}

/**
 * Runs `work` inside a new active span (a child of the active one, or of `parent`), which ends when
 * `work` settles: an error, thrown or rejected, is recorded on it. Without tracing, just `work`.
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span | null) => Promise<T>,
  parent?: Context,
): Promise<T> {
  if (!tracing) return work(null);
  return tracer.startActiveSpan(name, options, parent ?? context.active(), async (span) => {
    try {
      return await work(span);
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

export function failSpan(span: Span, error: unknown): void {
  const cause = error instanceof Error ? error : new Error(String(error));
  span.recordException(cause);
  span.setStatus({ code: SpanStatusCode.ERROR, message: cause.message });
}

/** The W3C `traceparent` (and `tracestate`) of the active span, to send along; empty without one. */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  if (tracing) propagation.inject(context.active(), carrier);
  return carrier;
}

/** The context a received `traceparent` names, to parent the spans of what it asked for; none: a new trace. */
export function contextFromHeaders(headers: Readonly<Record<string, unknown>>): Context {
  return propagation.extract(ROOT_CONTEXT, headers, {
    keys: (carrier) => Object.keys(carrier),
    get: (carrier, key) => {
      const value = carrier[key];
      return typeof value === "string" || Array.isArray(value) ? (value as string | string[]) : undefined;
    },
  });
}
