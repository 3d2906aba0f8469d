import { describe, expect, it } from "vitest";
import { fromGlobalId, keyOf, toGlobalId } from "./global-id.ts";

describe("global ids", () => {
  it("round-trip type and key", () => {
    const id = toGlobalId("User", "0190f1c2-7a3b-7c4d-8e5f-001122334455");
    expect(fromGlobalId(id)).toEqual({ type: "User", key: "0190f1c2-7a3b-7c4d-8e5f-001122334455" });
    expect(keyOf(id, "AuditEvent")).toBeNull();
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
