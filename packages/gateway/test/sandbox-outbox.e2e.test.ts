import { NOTIFICATION_JOB_NAME } from "@peykarband/application";
import { DrizzleDunningRepository, openJobQueue } from "@peykarband/infrastructure";
import { insertUser } from "@peykarband/infrastructure/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/test-app.ts";

const originOf = (t: TestApp) => new URL(t.app.url).origin;

describe("the sandbox outbox page", () => {
  let sandbox: TestApp;
  let production: TestApp;
  beforeAll(async () => {
    sandbox = await startTestApp();
    production = await startTestApp({}, { config: { sandbox: false } });
  });
  afterAll(async () => {
    await sandbox?.close();
    await production?.close();
  });

  it("lists what dunning wrote, in Persian, right to left, every value escaped; only in sandbox mode", async () => {
    const user = await insertUser(sandbox.database);
    const queue = await openJobQueue(sandbox.database, { role: "producer", onError: () => undefined });
    try {
      await queue.createQueue(NOTIFICATION_JOB_NAME, {
        policy: "standard",
        expireInSeconds: 60,
        retryLimit: 1,
      });
      const episodeId = randomUUID();
      const written = await new DrizzleDunningRepository(sandbox.database.db, queue).move({
        userId: user.id,
        episodeId,
        from: null,
        to: "WARNED",
        at: new Date(),
        notifications: [
          {
            id: randomUUID(),
            userId: user.id,
            kind: "WALLET_RUNNING_LOW",
            channel: "EMAIL",
            language: "fa",
            recipient: "<b>reza@example.ir</b>",
            subject: "موجودی کیف پول شما رو به پایان است",
            body: "متن <script>",
            dedupeKey: `dunning:${episodeId}:WALLET_RUNNING_LOW:EMAIL`,
            createdAt: new Date(),
          },
        ],
      });
      expect(written).toBe(true);
    } finally {
      await queue.stop({ timeoutMs: 1000 });
    }

    const page = await fetch(`${originOf(sandbox)}/sandbox/outbox`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain("موجودی کیف پول شما رو به پایان است");
    expect(html).toContain("&lt;b&gt;reza@example.ir&lt;/b&gt;");
    expect(html).not.toContain("<script>");

    expect((await fetch(`${originOf(production)}/sandbox/outbox`)).status).toBe(404);
  });
});
