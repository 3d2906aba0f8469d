import { NOTIFICATION_JOB_NAME } from "@peykarband/application";
import { DrizzleDunningRepository, openJobQueue } from "@peykarband/infrastructure";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyOf } from "../src/schema/node/global-id.ts";
import { createTestSdk, rejectionOf } from "./support/sdk-client.ts";
import { startTestApp, type TestApp } from "./support/test-app.ts";

describe("the viewer's language over GraphQL", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is Persian until the user sets English, and dunning's notices follow it", async () => {
    const client = createTestSdk(t.app.url);
    const email = `lang-${randomUUID()}@example.com`;
    const { registerUser } = await client.RegisterUser({
      input: { email, password: "correct horse battery" },
    });
    const userId = keyOf(registerUser.user!.id, "User")!;
    expect((await client.ViewerLanguage()).viewer!.language).toBe("FA");

    const { setLanguage } = await client.SetLanguage({ input: { language: "EN" } });
    expect(setLanguage.userErrors).toEqual([]);
    expect(setLanguage.user!.language).toBe("EN");
    expect((await client.ViewerLanguage()).viewer!.language).toBe("EN");

    // The column dunning reads when it writes a notice.
    const queue = await openJobQueue(t.database, { role: "producer", onError: () => undefined });
    try {
      await queue.createQueue(NOTIFICATION_JOB_NAME, {
        policy: "standard",
        expireInSeconds: 60,
        retryLimit: 1,
      });
      const contact = await new DrizzleDunningRepository(t.database.db, queue).contact(userId);
      expect(contact.language).toBe("en");
    } finally {
      await queue.stop({ timeoutMs: 1000 });
    }

    await client.SetLanguage({ input: { language: "FA" } });
    expect((await client.ViewerLanguage()).viewer!.language).toBe("FA");
    await client.dispose();
  });

  it("refuses the signed out", async () => {
    const anonymous = createTestSdk(t.app.url);
    expect((await rejectionOf(anonymous.SetLanguage({ input: { language: "EN" } }))).codes).toEqual([
      "UNAUTHENTICATED",
    ]);
    expect((await anonymous.ViewerLanguage()).viewer).toBeNull();
    await anonymous.dispose();
  });
});
