import { describe, expect, it } from "vitest";
import { ovhSignature } from "./ovh.signature.ts";

// python-ovh's tests/test_client.py vectors.
const KEYS = {
  applicationSecret: "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk",
  consumerKey: "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY",
  timestamp: "1457018875",
};

describe("ovhSignature", () => {
  it.each([
    ["GET", "https://eu.api.ovh.com/1.0/auth", "", "$1$e9556054b6309771395efa467c22e627407461ad"],
    [
      "POST",
      "https://eu.api.ovh.com/1.0/auth",
      '{"a":"b","c":"d"}',
      "$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1",
    ],
    [
      "PUT",
      "https://eu.api.ovh.com/1.0/auth",
      '{"a":"b","c":"d"}',
      "$1$8a75a9e7c8e7296c9dbeda6a2a735eb6bd58ec4b",
    ],
    ["DELETE", "https://eu.api.ovh.com/1.0/auth", "", "$1$a1eecd00b3b02b6cf5708b84b9ff42059a950d85"],
    ["GET", "https://eu.api.ovh.com/1.0/call", "", "$1$7f2db49253edfc41891023fcd1a54cf61db05fbb"],
    ["GET", "https://eu.api.ovh.com/v1/call", "", "$1$e6e7906d385eb28adcbfbe6b66c1528a42d741ad"],
  ])("signs %s %s as python-ovh does", (method, url, body, expected) => {
    expect(ovhSignature({ ...KEYS, method, url, body })).toBe(expected);
  });
});
