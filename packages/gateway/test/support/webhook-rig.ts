import type { Database } from "@peykarband/infrastructure";
import type { TestDatabase } from "@peykarband/infrastructure/testing";
import { afterAll, beforeAll } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver.ts";
import { startWebhookSandbox, type WebhookSandbox } from "./webhook-sandbox.ts";

export interface WebhookRig {
  database: Database;
  sandbox: WebhookSandbox;
  receiver: WebhookReceiver;
}

/**
 * A describe block's database, webhook sandbox and receiver, opened before its tests and closed
 * after them; the fields are set once `beforeAll` has run.
 */
export function useWebhookRig(
  target: TestDatabase,
  answer: Parameters<typeof startWebhookReceiver>[0],
  password: string,
): WebhookRig {
  const rig = {} as WebhookRig;
  beforeAll(async () => {
    rig.database = await target.open();
    rig.receiver = await startWebhookReceiver(answer);
    rig.sandbox = await startWebhookSandbox(rig.database, password);
  }, 60_000);
  afterAll(async () => {
    await rig.sandbox?.close();
    await rig.receiver?.close();
    await rig.database?.close();
  });
  return rig;
}
