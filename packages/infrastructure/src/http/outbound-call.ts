import { report } from "../telemetry/observations.ts";

/**
 * Runs one HTTP attempt to a remote service and reports it (service, method, status or none,
 * duration), whether it answered, timed out or could not connect.
 */
export async function measuredCall<T extends { readonly statusCode: number }>(
  service: string,
  method: string,
  call: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  let status: number | null = null;
  try {
    const response = await call();
    status = response.statusCode;
    return response;
  } finally {
    report("outboundCall", {
      service,
      method,
      status,
      durationSeconds: (performance.now() - started) / 1000,
    });
  }
}
