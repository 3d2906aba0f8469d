import { generate } from "otplib";
import { GraphQLTestClient } from "./graphql-client.ts";

/**
 * Turns on 2FA for the signed-in account behind `token` and steps its session up
 * (confirmSecondFactor), as the money-moving and role-changing admin mutations require. The code
 * that turned 2FA on is spent, so the step-up uses the next time step's, which the server accepts.
 * Returns the secret, for a test that sends codes itself.
 */
export async function stepUpSession(url: string, token: string, password: string): Promise<string> {
  const client = new GraphQLTestClient(url);
  const call = async <T>(query: string, input: Record<string, unknown>): Promise<T> => {
    const { body } = await client.post<T>(query, { input }, { token });
    if (body.errors || !body.data) throw new Error(`step-up failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const { startTwoFactorSetup } = await call<{ startTwoFactorSetup: { secret: string } }>(
    `mutation ($input: StartTwoFactorSetupInput!) { startTwoFactorSetup(input: $input) { secret } }`,
    { password },
  );
  const { secret } = startTwoFactorSetup;
  const enabled = await call<{ confirmTwoFactorSetup: { userErrors: unknown[] } }>(
    `mutation ($input: ConfirmTwoFactorSetupInput!) { confirmTwoFactorSetup(input: $input) { userErrors { code } } }`,
    { code: await generate({ secret }) },
  );
  const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
  const confirmed = await call<{ confirmSecondFactor: { userErrors: unknown[] } }>(
    `mutation ($input: ConfirmSecondFactorInput!) { confirmSecondFactor(input: $input) { userErrors { code } } }`,
    { code: next },
  );
  const errors = [...enabled.confirmTwoFactorSetup.userErrors, ...confirmed.confirmSecondFactor.userErrors];
  if (errors.length > 0) throw new Error(`step-up refused: ${JSON.stringify(errors)}`);
  return secret;
}
