import { Writable } from "node:stream";
import { transports } from "winston";
import type { Config } from "../config/config.ts";
import { createLogger, type Logger } from "../logging/logger.ts";

export type LoggingConfig = Pick<Config, "nodeEnv" | "logLevel" | "deploymentName" | "role" | "sandbox">;

/** How production logs: JSON lines at info. */
export const PRODUCTION_LOGGING: LoggingConfig = {
  nodeEnv: "production",
  logLevel: "info",
  deploymentName: "pk",
  role: "all",
  sandbox: false,
};

/** The logger `config` makes, its lines landing in `lines` as written instead of on stdout. */
export function capturedLogger(config: LoggingConfig = PRODUCTION_LOGGING): {
  logger: Logger;
  lines: string[];
} {
  const lines: string[] = [];
  const logger = createLogger(config);
  logger.clear().add(
    new transports.Stream({
      stream: new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    }),
  );
  return { logger, lines };
}
