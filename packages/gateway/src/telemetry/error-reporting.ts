import type * as SentryModule from "@sentry/node";
import { scrubEvent } from "./scrub-event.ts";

/** Loaded by startErrorReporting with a DSN only: Sentry and its OpenTelemetry are a large load at start. */
let sentry: typeof SentryModule | null = null;

export interface ErrorReportingOptions {
  /** Null: nothing is reported, and reportError costs nothing. */
  readonly dsn: string | null;
  readonly environment: string;
  readonly release: string;
}

/**
 * Sentry for the bugs and outages the gateway and the worker already log as errors. Only error
 * events: no tracing (OpenTelemetry does that), no automatic instrumentation of libraries, and
 * every event scrubbed before it leaves the process.
 */
export async function startErrorReporting(
  options: ErrorReportingOptions,
): Promise<{ close(): Promise<void> }> {
  if (options.dsn === null) return { close: async () => undefined };
  const Sentry = await import("@sentry/node");
  sentry = Sentry;
  Sentry.initWithoutDefaultIntegrations({
    dsn: options.dsn,
    environment: options.environment,
    release: options.release,
    integrations: [
      Sentry.linkedErrorsIntegration(),
      Sentry.onUncaughtExceptionIntegration(),
      Sentry.onUnhandledRejectionIntegration(),
    ],
    beforeSend: scrubEvent,
    beforeBreadcrumb: () => null,
  });
  return {
    async close() {
      await Sentry.close(2000);
    },
  };
}

/** Reports an unexpected error with where it happened; a no-op unless startErrorReporting had a DSN. */
export function reportError(error: unknown, where: Readonly<Record<string, string | null>>): void {
  sentry?.captureException(error, { tags: where });
}
