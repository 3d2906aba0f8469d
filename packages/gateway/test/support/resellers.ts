import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { createTestSdk, type TestSdkClient } from "./sdk-client.ts";
import { signedUpCustomer } from "./server-customers.ts";

/**
 * A signed-up user made a RESELLER by `admin`, funded unless the balance is "0", signed in again
 * (a role change ends the user's sessions).
 */
export async function signedUpReseller(
  url: string,
  admin: TestSdkClient,
  password: string,
  balance = "500000000",
): Promise<{ client: TestSdkClient; id: string }> {
  const { client: first, id } = await signedUpCustomer(url, admin, password, balance);
  const { viewer } = await first.Viewer();
  const { changeUserRole } = await admin.ChangeUserRole({ input: { userId: id, role: "RESELLER" } });
  expect(changeUserRole.userErrors).toEqual([]);
  const client = createTestSdk(url);
  const { logIn } = await client.LogIn({ input: { email: viewer!.email, password } });
  expect(logIn.session?.user.role).toBe("RESELLER");
  return { client, id };
}

/** A customer the reseller creates, with a password so it can sign in itself. */
export async function createdCustomer(
  reseller: TestSdkClient,
  password?: string,
): Promise<{ id: string; email: string }> {
  const email = `rc-${randomUUID()}@example.com`;
  const { createCustomer } = await reseller.CreateCustomer({ input: { email, password: password ?? null } });
  expect(createCustomer.userErrors).toEqual([]);
  return { id: createCustomer.customer!.id, email };
}
