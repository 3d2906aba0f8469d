import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { HmacRefreshSuccessor } from "./hmac.refresh-successor.ts";

describe("HmacRefreshSuccessor", () => {
  it("gives one token the same successor every time, 256 bits long", () => {
    const successors = new HmacRefreshSuccessor(randomBytes(32));
    const next = successors.successorOf("a-refresh-token");
    expect(successors.successorOf("a-refresh-token")).toBe(next);
    expect(Buffer.from(next, "base64url")).toHaveLength(32);
    expect(successors.successorOf("another-refresh-token")).not.toBe(next);
  });

  it("depends on the key: another deployment cannot compute it", () => {
    const token = "a-refresh-token";
    expect(new HmacRefreshSuccessor(randomBytes(32)).successorOf(token)).not.toBe(
      new HmacRefreshSuccessor(randomBytes(32)).successorOf(token),
    );
  });
});
