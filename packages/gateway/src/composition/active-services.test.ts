import { loadConfig } from "@peykarband/infrastructure";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { activeServices, describeActiveServices } from "./active-services.ts";

const dataDir = mkdtempSync(join(tmpdir(), "pk-services-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("the payment gateways and clouds named in the start log", () => {
  it("are all simulated in sandbox mode", () => {
    const services = activeServices(loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir }));
    expect(services).toEqual({
      paymentGateways: { ZARINPAL: "simulator", IDPAY: "simulator" },
      clouds: { DIGITALOCEAN: "simulator", HETZNER: "simulator", OVH: "simulator" },
      simulators: true,
    });
    expect(describeActiveServices(services)).toBe(
      "payment gateways: ZARINPAL simulated, IDPAY simulated; " +
        "clouds: DIGITALOCEAN simulated, HETZNER simulated, OVH simulated; " +
        "simulators running (nothing real is charged or created)",
    );
  });

  it("are those with credentials outside the sandbox, and say which are not configured", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/peykarband",
      JWT_SIGNING_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64url")}`,
      SECRET_BOX_KEY: Buffer.alloc(32, 2).toString("base64"),
      PUBLIC_URL: "https://api.example.ir",
      ZARINPAL_MERCHANT_ID: "3f9a2c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
      HETZNER_TOKEN: "hetzner-token-for-tests",
    });
    const services = activeServices(config);
    expect(services).toEqual({
      paymentGateways: { ZARINPAL: "configured", IDPAY: "not configured" },
      clouds: { DIGITALOCEAN: "not configured", HETZNER: "configured", OVH: "not configured" },
      simulators: false,
    });
    expect(describeActiveServices(services)).toBe(
      "payment gateways: ZARINPAL configured, IDPAY not configured; " +
        "clouds: DIGITALOCEAN not configured, HETZNER configured, OVH not configured; simulators off",
    );
  });
});
