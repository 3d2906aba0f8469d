import { describe, expect, it } from "vitest";
import { accountTestKit, anonymous, signedIn } from "../testing/account-test-kit.ts";

async function withOneEvent() {
  const kit = accountTestKit();
  const signUp = await kit.useCases.registerUser(
    { email: "sara@example.com", password: "correct horse battery" },
    anonymous(),
  );
  if (!signUp.ok) throw new Error(signUp.error.code);
  const event = kit.audit.events.find((e) => e.action === "USER_REGISTERED");
  if (!event) throw new Error("no USER_REGISTERED event");
  return { ...kit, event, customerId: signUp.value.user.id };
}

describe("findAuditEvent", () => {
  it("gives an ADMIN the event, and null for an id that is not in the log", async () => {
    const kit = await withOneEvent();
    const admin = signedIn({ userId: "admin-1", role: "ADMIN", sessionId: "s" });
    expect(await kit.useCases.findAuditEvent(kit.event.id, admin)).toEqual(kit.event);
    expect(await kit.useCases.findAuditEvent("no-such-event", admin)).toBeNull();
  });

  it("refuses everyone else, even the user the event is about", async () => {
    const kit = await withOneEvent();
    const customer = signedIn({ userId: kit.customerId, role: "CUSTOMER", sessionId: "s" });
    const support = signedIn({ userId: "support-1", role: "SUPPORT", sessionId: "s" });
    await expect(kit.useCases.findAuditEvent(kit.event.id, customer)).rejects.toMatchObject({
      reason: "FORBIDDEN",
    });
    await expect(kit.useCases.findAuditEvent(kit.event.id, support)).rejects.toMatchObject({
      reason: "FORBIDDEN",
    });
    await expect(kit.useCases.findAuditEvent(kit.event.id, anonymous())).rejects.toMatchObject({
      reason: "UNAUTHENTICATED",
    });
  });
});
