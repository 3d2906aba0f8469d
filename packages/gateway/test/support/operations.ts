/** The documents the e2e tests send; the SDK's generated operations will take their place. */

const SESSION = `session { accessToken refreshToken accessTokenExpiresAt user { id email role twoFactorEnabled } }`;

export const REGISTER_USER = `mutation RegisterUser($input: RegisterUserInput!) {
  registerUser(input: $input) { user { id email phone role twoFactorEnabled createdAt } ${SESSION} userErrors { field code message } }
}`;

export const LOG_IN = `mutation LogIn($input: LogInInput!) {
  logIn(input: $input) { ${SESSION} userErrors { field code message } }
}`;

export const REFRESH_SESSION = `mutation RefreshSession($input: RefreshSessionInput!) {
  refreshSession(input: $input) { ${SESSION} userErrors { field code message } }
}`;

export const LOG_OUT = `mutation LogOut($input: LogOutInput!) {
  logOut(input: $input) { loggedOut userErrors { field code message } }
}`;

export const START_TWO_FACTOR_SETUP = `mutation Start($input: StartTwoFactorSetupInput!) {
  startTwoFactorSetup(input: $input) { secret otpauthUri userErrors { field code message } }
}`;

export const CONFIRM_TWO_FACTOR_SETUP = `mutation Confirm($input: ConfirmTwoFactorSetupInput!) {
  confirmTwoFactorSetup(input: $input) { recoveryCodes user { twoFactorEnabled } userErrors { field code message } }
}`;

export const DISABLE_TWO_FACTOR = `mutation Disable($input: DisableTwoFactorInput!) {
  disableTwoFactor(input: $input) { user { twoFactorEnabled } userErrors { field code message } }
}`;

export const CHANGE_USER_ROLE = `mutation ChangeRole($input: ChangeUserRoleInput!) {
  changeUserRole(input: $input) { user { id role } userErrors { field code message } }
}`;

export const VIEWER = `query Viewer { viewer { id email role twoFactorEnabled createdAt } }`;

export const NODE = `query Node($id: ID!) { node(id: $id) { id ... on User { email } } }`;

export const HEALTH = `query Health { health { version sandbox } }`;

export const AUDIT_EVENTS = `query Audit($first: Int!, $after: String, $subjectId: ID) {
  auditEvents(first: $first, after: $after, subjectId: $subjectId) {
    edges { cursor node { id action actor { email } subject { email } occurredAt details { key value } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
