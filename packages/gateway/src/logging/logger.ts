/** The slice of a winston logger the gateway uses; the composition root passes the real one in. */
export interface Logger {
  info(message: string, meta?: Record<string, unknown>): unknown;
  warn(message: string, meta?: Record<string, unknown>): unknown;
  error(message: string, meta?: Record<string, unknown>): unknown;
}
