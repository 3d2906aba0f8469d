import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "@opentelemetry/semantic-conventions";
import type { Tracing, TracingOptions } from "./start-tracing.ts";
import { setTracingActive } from "./tracer.ts";

/**
 * The OpenTelemetry SDK, loaded only when tracing is on (start-tracing.ts imports this file
 * lazily): a provider with AsyncLocalStorage context and W3C trace-context propagation, spans
 * batched to the OTLP/HTTP endpoint, or handed one by one to the exporter a test or bench gives.
 */
export function registerTracing(options: TracingOptions): Tracing {
  const processor =
    options.exporter === undefined
      ? new BatchSpanProcessor(otlpExporter(options.endpoint))
      : new SimpleSpanProcessor(options.exporter);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.serviceName,
      [ATTR_SERVICE_VERSION]: options.serviceVersion,
      "deployment.environment.name": options.deploymentName,
      "peykarband.role": options.role,
    }),
    spanProcessors: [processor],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  setTracingActive(true);
  return {
    forceFlush: () => provider.forceFlush(),
    async shutdown() {
      setTracingActive(false);
      try {
        await provider.shutdown();
      } finally {
        trace.disable();
        propagation.disable();
        context.disable();
      }
    },
  };
}

function otlpExporter(endpoint: string | null): SpanExporter {
  if (endpoint === null) throw new Error("tracing needs an OTLP endpoint or an exporter");
  return new OTLPTraceExporter({ url: `${endpoint}/v1/traces` });
}
