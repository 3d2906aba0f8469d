import { describe, expect, it } from "vitest";
import { capturedLogger, PRODUCTION_LOGGING } from "../testing/captured-logger.ts";
import { createLogger } from "./logger.ts";

const capture = (nodeEnv: "production" | "development") =>
  capturedLogger({ ...PRODUCTION_LOGGING, nodeEnv, sandbox: true });

describe("createLogger", () => {
  it("redacts sensitive keys at any depth in production JSON", () => {
    const { logger, lines } = capture("production");
    logger.info("signed in", {
      userId: "u-1",
      password: "hunter2-hunter2",
      headers: { Authorization: "Bearer abc.def.ghi", cookie: "sid=1", accept: "*/*" },
      attempts: [{ refreshToken: "rt-secret", twoFactorCode: "123456", ok: true }],
      config: { secrets: { secretBoxKey: "k" } },
    });
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({
      level: "info",
      message: "signed in",
      userId: "u-1",
      password: "[REDACTED]",
      headers: { Authorization: "[REDACTED]", cookie: "[REDACTED]", accept: "*/*" },
      attempts: [{ refreshToken: "[REDACTED]", twoFactorCode: "[REDACTED]", ok: true }],
      config: { secrets: "[REDACTED]" },
      sandbox: true,
      deployment: "pk",
    });
    expect(lines[0]).not.toMatch(/hunter2|abc\.def|rt-secret|123456|sid=1/);
  });

  it("redacts in readable development lines too, and survives cycles", () => {
    const { logger, lines } = capture("development");
    const loop: Record<string, unknown> = { accessToken: "at-secret" };
    loop["self"] = loop;
    logger.warn("odd", { loop });
    expect(lines[0]).toContain("[REDACTED]");
    expect(lines[0]).toContain("[Circular]");
    expect(lines[0]).not.toContain("at-secret");
  });

  it("logs only warnings and errors under test", () => {
    const logger = createLogger({
      nodeEnv: "test",
      logLevel: "debug",
      deploymentName: "pk",
      role: "all",
      sandbox: true,
    });
    expect(logger.level).toBe("warn");
  });
});
