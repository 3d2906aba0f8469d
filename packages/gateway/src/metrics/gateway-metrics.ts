import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

export interface GatewayMetrics {
  readonly registry: Registry;
  readonly requests: Counter<"operation" | "outcome">;
  readonly duration: Histogram<"operation">;
  readonly errors: Counter<"code">;
}

/** One registry per app rather than prom-client's global one, so tests can run several apps in a process. */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: "graphql_requests_total",
      help: "GraphQL operations by operation and outcome (ok, userErrors, or the first error code).",
      labelNames: ["operation", "outcome"],
      registers: [registry],
    }),
    duration: new Histogram({
      name: "graphql_request_duration_seconds",
      help: "Time from receiving a GraphQL operation to sending its response.",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: "graphql_errors_total",
      help: "Top-level GraphQL errors by extensions.code.",
      labelNames: ["code"],
      registers: [registry],
    }),
  };
}
