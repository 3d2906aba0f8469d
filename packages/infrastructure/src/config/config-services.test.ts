import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";
import { problemsOf, secret } from "../../test/config-env.ts";

describe("loadConfig: payments, clouds and abuse limits", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "pk-config-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

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
});
