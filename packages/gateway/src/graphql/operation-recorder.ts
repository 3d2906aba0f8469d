import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "../logging/logger.ts";
import type { GatewayMetrics } from "../metrics/gateway-metrics.ts";

export interface OperationRecord {
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
}

const codeOf = (error: GraphQLFormattedError): string =>
  typeof error.extensions?.["code"] === "string" ? error.extensions["code"] : "UNKNOWN";

export function createOperationRecorder(logger: Logger, metrics: GatewayMetrics): OperationRecorder {
  return {
    finished(record) {
      const codes = record.errors.map(codeOf);
      const outcome = codes[0] ?? (record.userErrors ? "userErrors" : "ok");
      for (const code of codes) metrics.errors.inc({ code });
      metrics.requests.inc({ operation: record.label, outcome });
      metrics.duration.observe({ operation: record.label }, record.durationMs / 1000);
      logger.info("graphql operation", {
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
    },
  };
}
