import { toGlobalId as domainGlobalId } from "@peykarband/domain";
import { describe, expect, it } from "vitest";
import { decodeGlobalId, fromGlobalId, keyOf, NO_SUCH_KEY, toGlobalId } from "./global-id.ts";

describe("global ids", () => {
  it("round-trip type and key", () => {
    const id = toGlobalId("User", "0190f1c2-7a3b-7c4d-8e5f-001122334455");
    expect(fromGlobalId(id)).toEqual({ type: "User", key: "0190f1c2-7a3b-7c4d-8e5f-001122334455" });
    expect(keyOf(id, "AuditEvent")).toBeNull();
  });

  it.each([
    ["User", "0190f1c2-7a3b-7c4d-8e5f-001122334455"],
    ["Server", ""],
    ["AuditEvent", "?>?>~ whose base64 has + and /"],
    ["Invoice", "ÿé 日本 🚀"],
  ] as const)("encode %s:%s as the domain does, for webhook bodies", (type, key) =>
    expect(toGlobalId(type, key)).toBe(domainGlobalId(type, key)),
  );

  it("encode as the domain does again and again, past the cache's bound of keys per type", () => {
    const keys = Array.from(
      { length: 5000 },
      (_, i) => `0190f1c2-7a3b-7c4d-8e5f-${String(i).padStart(12, "0")}`,
    );
    for (const round of [1, 2]) {
      for (const key of keys)
        expect(toGlobalId("Server", key), `round ${round}`).toBe(domainGlobalId("Server", key));
    }
    expect(toGlobalId("User", keys[0]!)).toBe(domainGlobalId("User", keys[0]!));
  });

  it("decode an argument to its key, or to the key that names nothing", () => {
    const id = toGlobalId("Server", "0190f1c2-7a3b-7c4d-8e5f-001122334455");
    expect(decodeGlobalId(id, "Server")).toBe("0190f1c2-7a3b-7c4d-8e5f-001122334455");
    expect(decodeGlobalId(id, "User")).toBe(NO_SUCH_KEY);
    expect(decodeGlobalId("garbage", "Server")).toBe(NO_SUCH_KEY);
  });

  it.each([
    "",
    "!!!",
    toGlobalId("User", "").slice(0, -1),
    Buffer.from("Server:1").toString("base64url"),
    "a".repeat(600),
    toGlobalId("User", "' OR 1=1 --"),
    toGlobalId("AuditEvent", "42"),
  ])("treats %j as no id", (id) => expect(fromGlobalId(id)).toBeNull());
});
