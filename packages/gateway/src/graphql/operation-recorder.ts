import type { GraphQLFormattedError } from "graphql";
import type { Counter, Histogram } from "prom-client";
import type { Logger } from "../logging/logger.ts";
import type { GatewayMetrics } from "../metrics/gateway-metrics.ts";
import { reportError } from "../telemetry/error-reporting.ts";

interface OperationRecord {
  readonly requestId: string;
  readonly viewerId: string | null;
  readonly operationName: string | null;
  readonly label: string;
  readonly durationMs: number;
  readonly errors: readonly GraphQLFormattedError[];
  readonly userErrors: boolean;
}

export interface OperationRecorder {
  /** One log line and the metrics for a finished operation. Never variables, never headers. */
  finished(record: OperationRecord): void;
  /** A bug or outage, with its stack, server-side only. */
  unexpected(error: unknown, meta: { requestId: string; operationName: string | null }): void;
  /** A WebSocket connection opened (1) or closed (-1). */
  webSocket(change: 1 | -1): void;
  /** An operation on a WebSocket started (1) or ended (-1). */
  webSocketOperation(change: 1 | -1): void;
}

const codeOf = (error: GraphQLFormattedError): string =>
  typeof error.extensions?.["code"] === "string" ? error.extensions["code"] : "UNKNOWN";

/** The one line per operation; the composition root passes a cheaper writer of the same line in production. */
export type OperationLogLine = (fields: {
  requestId: string;
  viewerId: string | null;
  operationName: string | null;
  durationMs: number;
  outcome: string;
}) => void;

export function createOperationRecorder(
  logger: Logger,
  metrics: GatewayMetrics,
  logLine: OperationLogLine = (fields) => logger.info("graphql operation", fields),
): OperationRecorder {
  // Labelled children made once per label set (bounded: labels come from the schema); prom-client
  // 15 still hashes a child's labels on every inc and observe.
  const requestCounters = new Map<string, Map<string, Counter.Internal>>();
  const requestsBy = (operation: string, outcome: string) => {
    let byOutcome = requestCounters.get(operation);
    if (!byOutcome) requestCounters.set(operation, (byOutcome = new Map()));
    let child = byOutcome.get(outcome);
    if (!child) byOutcome.set(outcome, (child = metrics.requests.labels({ operation, outcome })));
    return child;
  };
  const durations = new Map<string, Histogram.Internal<"operation">>();
  const durationBy = (operation: string) => {
    let child = durations.get(operation);
    if (!child) durations.set(operation, (child = metrics.duration.labels({ operation })));
    return child;
  };
  return {
    finished(record) {
      const { errors } = record;
      const outcome = errors.length > 0 ? codeOf(errors[0]!) : record.userErrors ? "userErrors" : "ok";
      for (const error of errors) metrics.errors.inc({ code: codeOf(error) });
      requestsBy(record.label, outcome).inc();
      durationBy(record.label).observe(record.durationMs / 1000);
      logLine({
        requestId: record.requestId,
        viewerId: record.viewerId,
        operationName: record.operationName,
        durationMs: Math.round(record.durationMs),
        outcome,
      });
    },
    unexpected(error, meta) {
      const cause = error instanceof Error ? error : new Error(String(error));
      logger.error("unexpected error", { ...meta, error: cause.message, stack: cause.stack });
      reportError(cause, meta);
    },
    webSocket(change) {
      metrics.webSockets.inc(change);
    },
    webSocketOperation(change) {
      metrics.webSocketOperations.inc(change);
    },
  };
}
