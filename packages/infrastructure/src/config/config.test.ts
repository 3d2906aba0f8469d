import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";
import { problemsOf, secret } from "../../test/config-env.ts";

describe("loadConfig", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "pk-config-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("starts a sandbox with no configuration at all, keeping its generated keys across restarts", () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first).toMatchObject({
      nodeEnv: "development",
      host: "127.0.0.1",
      port: 4000,
      dataDir,
      databaseUrl: null,
      pgliteDir: join(dataDir, "pglite"),
      redisUrl: null,
      otlpEndpoint: null,
      sandbox: true,
      deploymentName: "peykarband",
      logLevel: "info",
      accessTokenTtlSeconds: 900,
      refreshGraceSeconds: 20,
      sessionCacheTtlMs: 5_000,
      trustProxy: 0,
      role: "all",
    });
    const file = join(dataDir, "secrets.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.secrets).toEqual(first.secrets);
    expect(first.secrets.secretBoxKey).toHaveLength(32);
    expect(first.secrets.jwtSigningKeys[0]?.secret.length).toBeGreaterThanOrEqual(32);
  });

  it("reads production settings and lists signing keys in order", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      DATABASE_URL: "postgres://api:pw@db:5432/peykarband",
      REDIS_URL: "rediss://cache:6380",
      PORT: "8080",
      JWT_SIGNING_KEYS: `2026-03:${secret()}, 2026-02:${secret(48)}`,
      SECRET_BOX_KEY: randomBytes(32).toString("base64"),
      ACCESS_TOKEN_TTL_SECONDS: "300",
      TRUST_PROXY: "1",
      ROLE: "worker",
      LOG_LEVEL: "",
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4318/",
    });
    expect(config).toMatchObject({ sandbox: false, port: 8080, accessTokenTtlSeconds: 300, role: "worker" });
    expect(config.otlpEndpoint).toBe("http://otel-collector:4318");
    expect(config.logLevel).toBe("info");
    expect(config.secrets.jwtSigningKeys.map((key) => key.kid)).toEqual(["2026-03", "2026-02"]);
    expect(() => readFileSync(join(dataDir, "secrets.json"))).toThrow();
  });

  it("requires the keys in production and never generates them", () => {
    const message = problemsOf({ DATA_DIR: dataDir, DATABASE_URL: "postgresql://db/pk" });
    expect(message).toContain("JWT_SIGNING_KEYS: is required when DATABASE_URL is set");
    expect(message).toContain("SECRET_BOX_KEY: is required");
    expect(problemsOf({ DATA_DIR: dataDir, NODE_ENV: "production" })).toContain("JWT_SIGNING_KEYS");
  });

  it("names every bad variable at once, without echoing secret values", () => {
    const shortSecret = secret(16);
    const message = problemsOf({
      DATA_DIR: dataDir,
      NODE_ENV: "staging",
      PORT: "eighty",
      ACCESS_TOKEN_TTL_SECONDS: "3600",
      DEPLOYMENT_NAME: "Peykarband_Prod",
      DATABASE_URL: "mysql://root:hunter2@db/pk",
      TRUST_PROXY: "-1",
      ROLE: "both",
      OTEL_EXPORTER_OTLP_ENDPOINT: "otel-collector:4318",
      JWT_SIGNING_KEYS: `k1:${shortSecret}`,
      SECRET_BOX_KEY: "c2hvcnQ",
    });
    for (const variable of [
      "NODE_ENV",
      "PORT",
      "ACCESS_TOKEN_TTL_SECONDS: must be at most 900",
      "DEPLOYMENT_NAME",
      "DATABASE_URL: must be a URL starting with postgres://",
      "TRUST_PROXY: must be at least 0",
      "ROLE",
      "OTEL_EXPORTER_OTLP_ENDPOINT: must be a URL starting with http:// or https://",
      'JWT_SIGNING_KEYS: secret of key "k1" decodes to 16 bytes',
      "SECRET_BOX_KEY: decodes to 5 bytes",
    ]) {
      expect(message).toContain(variable);
    }
    expect(message).not.toContain(shortSecret);
    expect(message).not.toContain("hunter2");
    expect(message).not.toContain("c2hvcnQ");
  });

  it("rejects malformed key lists", () => {
    expect(problemsOf({ DATA_DIR: dataDir, JWT_SIGNING_KEYS: "no-colon" })).toContain("kid:base64url-secret");
    expect(problemsOf({ DATA_DIR: dataDir, JWT_SIGNING_KEYS: `a:${secret()},a:${secret()}` })).toContain(
      "appears twice",
    );
    expect(problemsOf({ DATA_DIR: dataDir, JWT_SIGNING_KEYS: `a:${secret()}+/` })).toContain("not base64url");
  });

  it("reports a damaged sandbox key file instead of replacing it", () => {
    writeFileSync(join(dataDir, "secrets.json"), "{ not json");
    expect(problemsOf({ DATA_DIR: dataDir })).toContain("secrets.json");
  });
  it("dunning's windows: 72 h, 24 h, 7 days, 24 h by default; the sandbox scale divides them, production refuses it", () => {
    const HOUR = 3_600_000;
    expect(loadConfig({ DATA_DIR: dataDir }).dunning).toEqual({
      noticeWindowMs: 72 * HOUR,
      graceMs: 24 * HOUR,
      terminateAfterMs: 7 * 24 * HOUR,
      terminationWarningMs: 24 * HOUR,
    });
    expect(
      loadConfig({ DATA_DIR: dataDir, DUNNING_SANDBOX_TIME_SCALE: "60", DUNNING_GRACE_HOURS: "2" }).dunning,
    ).toMatchObject({ noticeWindowMs: 72 * 60_000, graceMs: 2 * 60_000, terminateAfterMs: 7 * 24 * 60_000 });
    const production = {
      DATABASE_URL: "postgres://db/app",
      JWT_SIGNING_KEYS: `k1:${secret()}`,
      SECRET_BOX_KEY: randomBytes(32).toString("base64"),
      DUNNING_SANDBOX_TIME_SCALE: "60",
    };
    expect(problemsOf(production)).toContain("DUNNING_SANDBOX_TIME_SCALE");
    expect(
      problemsOf({ ...production, DUNNING_SANDBOX_TIME_SCALE: undefined, SMTP_URL: "http://mail" }),
    ).toContain("SMTP_URL");
  });
});
