import type {
  LogInMutation,
  RefreshSessionMutation,
  RegisterUserMutation,
  SessionFieldsFragment,
} from "./generated/sdk.ts";

/** The credentials of a session, as `registerUser`, `logIn` and `refreshSession` return them. */
export interface SessionTokens {
  /** Short-lived bearer token for every request. */
  accessToken: string;
  /** Single-use token to get the next pair. Keep it secret: using one twice ends the session. */
  refreshToken: string;
  /** When the access token stops working (ISO 8601). Lets subscriptions refresh before connecting. */
  accessTokenExpiresAt?: string;
}

/** Operations that create a session: they never send one, so a stale token cannot get in their way. */
export const SESSION_OPERATIONS: ReadonlySet<string> = new Set(["RegisterUser", "LogIn", "RefreshSession"]);

/** The session a sign-up, sign-in or refresh returned, if it succeeded. */
export function sessionIn(operationName: string, data: unknown): SessionTokens | null {
  const session = sessionFields(operationName, data);
  return session
    ? {
        accessToken: session.accessToken,
        refreshToken: session.refreshToken,
        accessTokenExpiresAt: session.accessTokenExpiresAt,
      }
    : null;
}

function sessionFields(operationName: string, data: unknown): SessionFieldsFragment | null {
  switch (operationName) {
    case "RegisterUser":
      return (data as RegisterUserMutation).registerUser.session;
    case "LogIn":
      return (data as LogInMutation).logIn.session;
    case "RefreshSession":
      return (data as RefreshSessionMutation).refreshSession.session;
    default:
      return null;
  }
}
