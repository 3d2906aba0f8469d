import { afterEach, describe, expect, it, vi } from "vitest";
import { capturedLogger, PRODUCTION_LOGGING } from "../testing/captured-logger.ts";
import { createRequestLog } from "./request-log.ts";

const FIELDS = {
  requestId: "r-1",
  viewerId: "0190f1c2-7a3b-7c4d-8e5f-001122334455",
  operationName: 'Say "hi"',
  durationMs: 3,
  outcome: "ok",
};

/** The production logger's own JSON lines, and the per-request lines written beside them. */
function logs() {
  const written: string[] = [];
  const { logger, lines: logged } = capturedLogger();
  const requestLog = createRequestLog(logger, PRODUCTION_LOGGING, { write: (chunk) => written.push(chunk) });
  const lines = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return written
      .join("")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  };
  return { logger, logged, requestLog, lines };
}

describe("the per-request log line in production", () => {
  afterEach(() => vi.useRealTimers());

  it("is the line the logger writes for the same fields", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-08T01:02:03.004Z") });
    const { logger, logged, requestLog, lines } = logs();
    requestLog(FIELDS);
    logger.info("graphql operation", FIELDS);
    expect(await lines()).toEqual([JSON.parse(logged[0]!)]);
  });

  it.each([
    "2026-12-08T01:02:03.000Z",
    "2026-12-08T01:02:03.007Z",
    "2026-12-08T01:02:03.042Z",
    "2026-12-08T01:02:03.999Z",
    "2026-12-08T01:02:04.100Z",
    "2027-01-01T00:00:00.010Z",
  ])("stamps a line written at %s with that time, to the millisecond", async (time) => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-08T01:02:03.500Z") });
    const { requestLog, lines } = logs();
    requestLog(FIELDS);
    vi.setSystemTime(new Date(time));
    requestLog(FIELDS);
    const [, line] = await lines();
    expect(line!["timestamp"]).toBe(time);
  });
});
