import { describe, expect, it } from "vitest";
import { mayDeliverTo } from "./address-policy.ts";

const production = { allowLoopback: false };
const sandbox = { allowLoopback: true };

describe("which addresses webhooks may reach", () => {
  it("allows public unicast addresses", () => {
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect(mayDeliverTo(address, production), address).toBe(true);
    }
  });

  it("refuses private, link-local, CGNAT, multicast, reserved and their IPv6 equivalents", () => {
    for (const address of [
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "198.18.0.1",
      "::",
      "fd00::1",
      "fe80::1",
      "ff02::1",
      "::ffff:10.0.0.1",
      "::ffff:a9fe:a9fe",
      "64:ff9b::192.168.0.1",
      "not-an-address",
    ]) {
      expect(mayDeliverTo(address, production), address).toBe(false);
    }
  });

  it("refuses loopback in production and allows it in the sandbox", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) {
      expect(mayDeliverTo(address, production), address).toBe(false);
      expect(mayDeliverTo(address, sandbox), address).toBe(true);
    }
    expect(mayDeliverTo("10.0.0.1", sandbox)).toBe(false);
  });
});
