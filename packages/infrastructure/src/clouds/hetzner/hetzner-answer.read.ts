import type { CloudFailure } from "@peykarband/application";
import { err, ok, type Result } from "@peykarband/domain";
import type { z } from "zod";
import type { CloudAnswer, CloudHttpClient } from "../cloud.http-client.ts";
import { errorEnvelope } from "./hetzner.wire.ts";

const HOUR_MS = 3_600_000;

/**
 * An answer in Hetzner's terms: the expected 2xx shape is success; 429 is RATE_LIMITED, 5xx
 * UNAVAILABLE, a 4xx in the `{error: {code, message}}` envelope REJECTED with that code; anything
 * else (a proxy's page, a shape we do not know) INVALID_RESPONSE, never success.
 */
export function readAnswer<T>(
  http: CloudHttpClient,
  answer: CloudAnswer,
  expected: { status: number; schema: z.ZodType<T> },
  operation: string,
): Result<T, CloudFailure> {
  const refusal = errorEnvelope.safeParse(answer.json);
  const code = refusal.success ? refusal.data.error.code : null;
  const said = refusal.success
    ? `${refusal.data.error.code}: ${refusal.data.error.message}`
    : `HTTP ${answer.status}`;
  if (answer.status === 429) {
    return err(
      http.failure(
        "RATE_LIMITED",
        code ?? "rate_limit_exceeded",
        `${operation}: ${said}`,
        waitForOneRequest(answer),
      ),
    );
  }
  if (answer.status >= 500) {
    return err(http.failure("UNAVAILABLE", code ?? String(answer.status), `${operation}: ${said}`));
  }
  if (answer.status >= 400 && refusal.success) {
    return err(http.failure("REJECTED", code, `${operation}: HTTP ${answer.status} ${said}`));
  }
  const parsed = answer.status === expected.status ? expected.schema.safeParse(answer.json) : null;
  if (!parsed?.success) {
    const what = answer.json === undefined ? "a body that is not JSON" : "an unexpected body";
    return err(http.failure("INVALID_RESPONSE", null, `${operation}: HTTP ${answer.status} with ${what}`));
  }
  return ok(parsed.data);
}

/**
 * How long until one request is allowed again. Hetzner sends no Retry-After; `RateLimit-Reset` is
 * when the budget is FULL again, which at 0 remaining is an hour away, while one request comes back
 * every hour/limit. So: the time to full recovery shared among the requests still missing.
 */
function waitForOneRequest(answer: CloudAnswer, now: number = Date.now()): number | undefined {
  const header = (name: string): number => {
    const value = answer.headers[name];
    return Number(Array.isArray(value) ? value[0] : value);
  };
  const limit = header("ratelimit-limit");
  const remaining = header("ratelimit-remaining");
  const reset = header("ratelimit-reset");
  if (Number.isFinite(reset)) {
    const toFull = Math.max(0, reset * 1000 - now);
    const missing = Number.isFinite(limit) && Number.isFinite(remaining) ? limit - remaining : 0;
    return missing > 0 ? Math.ceil(toFull / missing) : toFull;
  }
  return Number.isFinite(limit) && limit > 0 ? Math.ceil(HOUR_MS / limit) : undefined;
}
