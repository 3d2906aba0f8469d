import { SpanKind } from "@opentelemetry/api";
import { report } from "../telemetry/observations.ts";
import { inSpan, traceHeaders } from "../tracing/tracer.ts";

/**
 * Runs one HTTP attempt to a remote service and reports it (service, method, status or none,
 * duration), whether it answered, timed out or could not connect. With tracing on, the attempt is
 * a client span and `call` gets the `traceparent` header to send, so the remote side joins the trace.
 * The span names the service, never the URL: some carry credentials (Kavenegar's key is in its path).
 */
export async function measuredCall<T extends { readonly statusCode: number }>(
  service: string,
  method: string,
  call: (traceHeaders: Record<string, string>) => Promise<T>,
): Promise<T> {
  const started = performance.now();
  let status: number | null = null;
  try {
    return await inSpan(
      `${method} ${service}`,
      { kind: SpanKind.CLIENT, attributes: { "http.request.method": method, "peer.service": service } },
      async (span) => {
        const response = await call(traceHeaders());
        status = response.statusCode;
        span?.setAttribute("http.response.status_code", status);
        return response;
      },
    );
  } finally {
    report("outboundCall", {
      service,
      method,
      status,
      durationSeconds: (performance.now() - started) / 1000,
    });
  }
}
