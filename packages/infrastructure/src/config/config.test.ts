import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";
import { ConfigError } from "./config-error.ts";

const secret = (bytes = 32) => randomBytes(bytes).toString("base64url");

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error("expected a ConfigError");
}

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
    });
    expect(config).toMatchObject({ sandbox: false, port: 8080, accessTokenTtlSeconds: 300, role: "worker" });
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

  it("defaults the payment settings: callback base from HOST and PORT, no gateway credentials", () => {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: "4100" });
    expect(config).toMatchObject({
      publicUrl: "http://127.0.0.1:4100",
      paymentResultUrl: "http://127.0.0.1:4100/payments/result",
      topUpCeilingRials: 500_000_000n,
      zarinpalBaseUrl: null,
      idpayBaseUrl: null,
      idpaySandbox: false,
      paymentSecrets: { zarinpalMerchantId: null, idpayApiKey: null },
    });
    expect(loadConfig({ DATA_DIR: dataDir, HOST: "0.0.0.0" }).publicUrl).toBe("http://localhost:4000");
    expect(loadConfig({ DATA_DIR: dataDir, HOST: "::1" }).publicUrl).toBe("http://[::1]:4000");
  });

  it("reads the payment settings", () => {
    const merchantId = "0B6F6A0E-5F4E-4C1B-9A37-2F3C1D4E5F60";
    const apiKey = "6a7f99eb-7c20-4412-a972-6dfb7cd253a4";
    const config = loadConfig({
      DATA_DIR: dataDir,
      PUBLIC_URL: "https://api.peykarband.ir/",
      PAYMENT_RESULT_URL: "https://peykarband.ir/wallet/result?from=gateway",
      TOP_UP_CEILING_RIALS: "200000000",
      TOP_UP_STARTS_PER_WINDOW: "5",
      TOP_UP_START_WINDOW_SECONDS: "900",
      ZARINPAL_MERCHANT_ID: merchantId,
      ZARINPAL_BASE_URL: "https://sandbox.zarinpal.com/",
      IDPAY_API_KEY: apiKey,
      IDPAY_BASE_URL: "https://api.idpay.ir",
      IDPAY_SANDBOX: "true",
    });
    expect(config).toMatchObject({
      publicUrl: "https://api.peykarband.ir",
      paymentResultUrl: "https://peykarband.ir/wallet/result?from=gateway",
      topUpCeilingRials: 200_000_000n,
      topUpStarts: { perWindow: 5, windowSeconds: 900 },
      zarinpalBaseUrl: "https://sandbox.zarinpal.com",
      idpayBaseUrl: "https://api.idpay.ir",
      idpaySandbox: true,
      paymentSecrets: { zarinpalMerchantId: merchantId, idpayApiKey: apiKey },
    });
    expect(loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: "https://a.example/api" }).paymentResultUrl).toBe(
      "https://a.example/api/payments/result",
    );
    expect(loadConfig({ DATA_DIR: dataDir }).topUpStarts).toEqual({ perWindow: 10, windowSeconds: 600 });
  });

  it("names every bad payment setting, without echoing credentials", () => {
    const badKey = "not-a-key-1234567890";
    const message = problemsOf({
      DATA_DIR: dataDir,
      PUBLIC_URL: "ftp://api.example",
      PAYMENT_RESULT_URL: "result",
      TOP_UP_CEILING_RIALS: "0",
      TOP_UP_STARTS_PER_WINDOW: "0",
      TOP_UP_START_WINDOW_SECONDS: "3600",
      ZARINPAL_MERCHANT_ID: "merchant-1234",
      ZARINPAL_BASE_URL: "https://payment.zarinpal.com/?x=1",
      IDPAY_API_KEY: badKey,
      IDPAY_BASE_URL: "https://api.idpay.ir/v1.1",
      IDPAY_SANDBOX: "yes",
    });
    for (const problem of [
      "PUBLIC_URL: must be a URL starting with http:// or https://",
      "PAYMENT_RESULT_URL: must be a URL",
      "TOP_UP_CEILING_RIALS: must be from 1 to",
      "TOP_UP_STARTS_PER_WINDOW",
      "TOP_UP_START_WINDOW_SECONDS",
      "ZARINPAL_MERCHANT_ID: must be a 36-character UUID",
      "ZARINPAL_BASE_URL: must not have a query or fragment",
      "IDPAY_API_KEY: must be the 36-character key",
      "IDPAY_BASE_URL: must not end in /v1.1",
      "IDPAY_SANDBOX: must be true or false",
    ]) {
      expect(message).toContain(problem);
    }
    expect(message).not.toContain("merchant-1234");
    expect(message).not.toContain(badKey);
    for (const ceiling of ["-5", "1.5", "5e8", "9223372036854775808"]) {
      expect(problemsOf({ DATA_DIR: dataDir, TOP_UP_CEILING_RIALS: ceiling })).toContain(
        "TOP_UP_CEILING_RIALS",
      );
    }
  });

  it("requires PUBLIC_URL in production once a gateway is configured", () => {
    const production = {
      DATA_DIR: dataDir,
      DATABASE_URL: "postgres://db/pk",
      JWT_SIGNING_KEYS: `k:${secret()}`,
      SECRET_BOX_KEY: randomBytes(32).toString("base64"),
    };
    expect(loadConfig(production).publicUrl).toBe("http://127.0.0.1:4000");
    expect(problemsOf({ ...production, IDPAY_API_KEY: "6a7f99eb-7c20-4412-a972-6dfb7cd253a4" })).toContain(
      "PUBLIC_URL: is required in production when a payment gateway is configured",
    );
  });

  it("defaults the cloud settings: the shipped catalog, simulators in the sandbox, no credentials", () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.catalogFile).toMatch(/packages\/infrastructure\/catalog\/catalog\.json$/);
    expect(config.serverQuotaDefault).toBe(10);
    expect(config.cloudEndpoints).toEqual({ digitalocean: null, hetzner: null, ovh: null });
    expect(config.cloudSecrets).toEqual({
      digitaloceanToken: null,
      hetznerToken: null,
      ovhApplicationSecret: null,
      ovhConsumerKey: null,
    });
  });

  it("reads the cloud settings and refuses half an OVH credential, without echoing it", () => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      CATALOG_FILE: "ops/catalog.json",
      SERVER_QUOTA_DEFAULT: "25",
      DIGITALOCEAN_TOKEN: "dop_v1_0123456789abcdef",
      HETZNER_TOKEN: "hz-0123456789abcdef",
      OVH_ENDPOINT: "https://eu.api.ovh.com/1.0/",
      OVH_PROJECT_ID: "5f7a0b8c9d",
      OVH_APPLICATION_KEY: "TDPKJdwZwAQPwKX2",
      OVH_APPLICATION_SECRET: "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk",
      OVH_CONSUMER_KEY: "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY",
    });
    expect(config.catalogFile).toBe(join(process.cwd(), "ops/catalog.json"));
    expect(config.serverQuotaDefault).toBe(25);
    expect(config.cloudEndpoints.ovh).toBe("https://eu.api.ovh.com/1.0");
    expect(config.cloudSecrets.ovhConsumerKey).toBe("5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY");

    const problems = problemsOf({
      DATA_DIR: dataDir,
      OVH_APPLICATION_SECRET: "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk",
      HETZNER_TOKEN: "short",
      SERVER_QUOTA_DEFAULT: "-1",
    });
    expect(problems).toContain("OVH_PROJECT_ID");
    expect(problems).toContain("OVH_CONSUMER_KEY");
    expect(problems).toContain("HETZNER_TOKEN");
    expect(problems).toContain("SERVER_QUOTA_DEFAULT");
    expect(problems).not.toContain("9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk");
  });

  it("defaults the gateway's abuse limits, reads them, and names a bad one", () => {
    expect(loadConfig({ DATA_DIR: dataDir }).gatewayLimits).toEqual({
      maxQueryBytes: 32_768,
      documentCacheBytes: 32 * 1024 * 1024,
      wsOperationsPerSecond: 100,
      wsSubscriptionsPerSocket: 20,
      wsSocketsPerUser: 10,
      wsSocketsPerAddress: 100,
      wsInitTimeoutMs: 3000,
    });
    const config = loadConfig({
      DATA_DIR: dataDir,
      MAX_QUERY_BYTES: "65536",
      DOCUMENT_CACHE_MB: "8",
      WS_OPERATIONS_PER_SECOND: "20",
      WS_SUBSCRIPTIONS_PER_SOCKET: "5",
      WS_SOCKETS_PER_USER: "3",
      WS_SOCKETS_PER_ADDRESS: "500",
      WS_INIT_TIMEOUT_MS: "1000",
    });
    expect(config.gatewayLimits).toEqual({
      maxQueryBytes: 65_536,
      documentCacheBytes: 8 * 1024 * 1024,
      wsOperationsPerSecond: 20,
      wsSubscriptionsPerSocket: 5,
      wsSocketsPerUser: 3,
      wsSocketsPerAddress: 500,
      wsInitTimeoutMs: 1000,
    });
    const problems = problemsOf({ DATA_DIR: dataDir, MAX_QUERY_BYTES: "100", WS_SOCKETS_PER_USER: "0" });
    expect(problems).toContain("MAX_QUERY_BYTES");
    expect(problems).toContain("WS_SOCKETS_PER_USER");
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
