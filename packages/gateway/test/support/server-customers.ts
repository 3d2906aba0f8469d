import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { createTestSdk, type TestSdkClient } from "./sdk-client.ts";

/** A signed-up customer of the app at `url`, funded by `admin` unless the balance is "0". */
export async function signedUpCustomer(
  url: string,
  admin: TestSdkClient,
  password: string,
  balance = "500000000",
): Promise<{ client: TestSdkClient; id: string }> {
  const client = createTestSdk(url);
  const { registerUser } = await client.RegisterUser({
    input: { email: `c-${randomUUID()}@example.com`, password },
  });
  const id = registerUser.user!.id;
  if (balance !== "0") {
    const { adjustWallet } = await admin.AdjustWallet({
      input: { userId: id, amount: balance, reason: "test funds", idempotencyKey: randomUUID() },
    });
    expect(adjustWallet.userErrors).toEqual([]);
  }
  return { client, id };
}

/** An orderServer input for a Hetzner CX22 in Falkenstein, with a fresh idempotency key. */
export const orderInput = (overrides: Record<string, unknown> = {}) => ({
  name: "web-1",
  planId: "hz-cx22",
  regionId: "hz-fsn1",
  imageId: "ubuntu-24.04",
  idempotencyKey: randomUUID(),
  ...overrides,
});

/** Orders a server that must be accepted; returns it as orderServer answered. */
export async function orderAccepted(client: TestSdkClient, overrides: Record<string, unknown> = {}) {
  const { orderServer } = await client.OrderServer({ input: orderInput(overrides) });
  expect(orderServer.userErrors).toEqual([]);
  return orderServer.server!;
}
