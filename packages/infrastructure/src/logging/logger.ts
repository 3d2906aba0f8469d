import { createLogger as createWinstonLogger, format, transports, type Logger } from "winston";
import type { Config } from "../config/config.ts";
import { redactSecrets } from "./redact.format.ts";
import { traceIds } from "./trace-ids.format.ts";

export type { Logger } from "winston";

const readableLine = format.printf(({ level, message, timestamp, ...meta }) => {
  const rest = Object.keys(meta).length > 0 ? ` ${JSON.stringify(meta)}` : "";
  return `${String(timestamp)} ${level} ${String(message)}${rest}`;
});

/**
 * JSON lines in production (for the log pipeline), readable coloured lines in development, and
 * only warnings and errors under test. Sensitive keys are redacted in every mode; a line logged
 * inside a span carries its `trace_id` and `span_id`.
 */
export function createLogger(
  config: Pick<Config, "nodeEnv" | "logLevel" | "deploymentName" | "role" | "sandbox">,
): Logger {
  const shared = [traceIds(), redactSecrets(), format.errors({ stack: true }), format.timestamp()];
  const production = config.nodeEnv === "production";
  return createWinstonLogger({
    level: config.nodeEnv === "test" ? "warn" : config.logLevel,
    format: production
      ? format.combine(...shared, format.json())
      : format.combine(...shared, format.colorize(), readableLine),
    // Sandbox on every shipped line, so simulated money is never mistaken for real money.
    defaultMeta: production
      ? { deployment: config.deploymentName, role: config.role, sandbox: config.sandbox }
      : undefined,
    transports: [new transports.Console()],
  });
}
