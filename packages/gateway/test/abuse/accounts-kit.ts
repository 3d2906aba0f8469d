import { sendGraphQL, type SendOptions, type RawResponse } from "./abuse-client.ts";

export const PASSWORD = "correct horse battery";

export const REGISTER_USER = `mutation RegisterUser($input: RegisterUserInput!) {
  registerUser(input: $input) { user { id } session { accessToken refreshToken } userErrors { field code } }
}`;
export const LOG_IN = `mutation LogIn($input: LogInInput!) {
  logIn(input: $input) { session { accessToken refreshToken } userErrors { field code } }
}`;
export const REFRESH_SESSION = `mutation RefreshSession($input: RefreshSessionInput!) {
  refreshSession(input: $input) { session { accessToken refreshToken } userErrors { field code } }
}`;
export const START_TWO_FACTOR_SETUP = `mutation Start($input: StartTwoFactorSetupInput!) {
  startTwoFactorSetup(input: $input) { secret userErrors { field code } }
}`;
export const CONFIRM_TWO_FACTOR_SETUP = `mutation Confirm($input: ConfirmTwoFactorSetupInput!) {
  confirmTwoFactorSetup(input: $input) { recoveryCodes userErrors { field code } }
}`;
export const DISABLE_TWO_FACTOR = `mutation Disable($input: DisableTwoFactorInput!) {
  disableTwoFactor(input: $input) { user { twoFactorEnabled } userErrors { field code } }
}`;
export const CHANGE_USER_ROLE = `mutation ChangeRole($input: ChangeUserRoleInput!) {
  changeUserRole(input: $input) { user { id } userErrors { field code } }
}`;
export const VIEWER = `query Viewer { viewer { id } }`;

/**
 * Each test speaks from its own client address (the app trusts one proxy hop in these files), so
 * the per-address sign-in limit one test exhausts does not decide what another test observes.
 */
export const fromAddress = (n: number): Record<string, string> => ({ "x-forwarded-for": `198.51.100.${n}` });

export interface Account {
  readonly id: string;
  /** The database key inside the global id, for SQL assertions. */
  readonly key: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

export const keyOfGlobalId = (id: string): string =>
  Buffer.from(id, "base64url").toString("utf8").split(":")[1] ?? "";

type SessionPayload = {
  user?: { id: string } | null;
  session: { accessToken: string; refreshToken: string } | null;
  userErrors: { field: string[] | null; code: string }[];
};

export const payloadOf = (response: RawResponse, field: string): SessionPayload =>
  response.json?.data?.[field] as SessionPayload;

export async function register(
  url: string,
  email: string,
  options: SendOptions & { phone?: string; password?: string } = {},
): Promise<Account> {
  const response = await sendGraphQL(
    url,
    REGISTER_USER,
    { input: { email, password: options.password ?? PASSWORD, phone: options.phone ?? null } },
    options,
  );
  const payload = payloadOf(response, "registerUser");
  if (!payload?.session || !payload.user) throw new Error(`registration failed: ${response.text}`);
  return {
    id: payload.user.id,
    key: keyOfGlobalId(payload.user.id),
    accessToken: payload.session.accessToken,
    refreshToken: payload.session.refreshToken,
  };
}
