import { describe, expect, it } from "vitest";
import { IpAddress } from "./ip-address.ts";

describe("IpAddress", () => {
  it.each([
    ["192.0.2.1", 4],
    ["255.255.255.255", 4],
    ["2001:db8::1", 6],
    ["::1", 6],
    ["::", 6],
    ["2001:0DB8:0000:0000:0000:ff00:0042:8329", 6],
    ["::ffff:192.0.2.128", 6],
  ])("accepts %s as IPv%i", (input, version) => {
    const parsed = IpAddress.parse(input);
    expect(parsed.ok && parsed.value.version).toBe(version);
  });

  it.each(["256.1.1.1", "1.2.3", "01.2.3.4", "2001:db8:::1", "1:2:3:4:5:6:7:8:9", "gggg::1", "1::2::3", ""])(
    "refuses %j",
    (input) => expect(IpAddress.parse(input).ok).toBe(false),
  );
});
