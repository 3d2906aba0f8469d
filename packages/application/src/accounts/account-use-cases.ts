import { listApiKeys } from "../api-keys/api-key-reads.ts";
import { authenticateApiKey } from "../api-keys/authenticate-api-key.use-case.ts";
import { createApiKey, type CreateApiKeyInput } from "../api-keys/create-api-key.use-case.ts";
import { revokeApiKey } from "../api-keys/revoke-api-key.use-case.ts";
import type { ApiKeyCursor } from "../ports/api-key.repository.ts";
import type { PageRequest } from "../ports/keyset-page.ts";
import { findAuditEvent } from "../audit/find-audit-event.use-case.ts";
import { listAuditEvents, type ListAuditEventsInput } from "../audit/list-audit-events.use-case.ts";
import type { UserCursor } from "../ports/user.repository.ts";
import { createCustomer, type CreateCustomerInput } from "../resellers/create-customer.use-case.ts";
import { customers } from "../resellers/customer-reads.ts";
import { setResellerMarkup } from "../resellers/set-reseller-markup.use-case.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";
import { authenticate, authenticateWithUser } from "./authenticate.use-case.ts";
import { changeUserRole, type ChangeUserRoleInput } from "./change-user-role.use-case.ts";
import {
  confirmTwoFactorSetup,
  type ConfirmTwoFactorSetupInput,
} from "./confirm-two-factor-setup.use-case.ts";
import { confirmSecondFactor, type ConfirmSecondFactorInput } from "./confirm-second-factor.use-case.ts";
import { createAdministrator, type CreateAdministratorInput } from "./create-administrator.use-case.ts";
import { disableTwoFactor, type DisableTwoFactorInput } from "./disable-two-factor.use-case.ts";
import { logIn, type LogInInput } from "./log-in.use-case.ts";
import { logOut, type LogOutInput } from "./log-out.use-case.ts";
import { findUser, usersByIds, viewer } from "./read-users.ts";
import { refreshSession, type RefreshSessionInput } from "./refresh-session.use-case.ts";
import { registerUser, type RegisterUserInput } from "./register-user.use-case.ts";
import { startTwoFactorSetup, type StartTwoFactorSetupInput } from "./start-two-factor-setup.use-case.ts";
import { requireFreshSecondFactor, type StepUp } from "./step-up.ts";
import { users, type UsersInput } from "./users.use-case.ts";

/** The account use cases bound to their ports: what the gateway's resolvers call. */
export function createAccountUseCases(deps: AccountDeps) {
  return {
    registerUser: (input: RegisterUserInput, ctx: RequestContext) => registerUser(deps, input, ctx),
    logIn: (input: LogInInput, ctx: RequestContext) => logIn(deps, input, ctx),
    refreshSession: (input: RefreshSessionInput, ctx: RequestContext) => refreshSession(deps, input, ctx),
    logOut: (input: LogOutInput, ctx: RequestContext) => logOut(deps, input, ctx),
    startTwoFactorSetup: (input: StartTwoFactorSetupInput, ctx: RequestContext) =>
      startTwoFactorSetup(deps, input, ctx),
    confirmTwoFactorSetup: (input: ConfirmTwoFactorSetupInput, ctx: RequestContext) =>
      confirmTwoFactorSetup(deps, input, ctx),
    disableTwoFactor: (input: DisableTwoFactorInput, ctx: RequestContext) =>
      disableTwoFactor(deps, input, ctx),
    confirmSecondFactor: (input: ConfirmSecondFactorInput, ctx: RequestContext) =>
      confirmSecondFactor(deps, input, ctx),
    /** For the wallet and billing use cases: the caller's fresh second factor (step-up). */
    stepUp: ((ctx, code) => requireFreshSecondFactor(deps, ctx, code)) satisfies StepUp,
    changeUserRole: (input: ChangeUserRoleInput, ctx: RequestContext) => changeUserRole(deps, input, ctx),
    createAdministrator: (input: CreateAdministratorInput, ctx: RequestContext) =>
      createAdministrator(deps, input, ctx),
    authenticate: (accessToken: string) => authenticate(deps, accessToken),
    authenticateWithUser: (accessToken: string) => authenticateWithUser(deps, accessToken),
    authenticateApiKey: (key: string) => authenticateApiKey(deps, key),
    createApiKey: (input: CreateApiKeyInput, ctx: RequestContext) => createApiKey(deps, input, ctx),
    revokeApiKey: (input: { apiKeyId: string }, ctx: RequestContext) => revokeApiKey(deps, input, ctx),
    apiKeys: (request: PageRequest<ApiKeyCursor>, ctx: RequestContext) => listApiKeys(deps, request, ctx),
    viewer: (ctx: RequestContext) => viewer(deps, ctx),
    findUser: (id: string, ctx: RequestContext) => findUser(deps, id, ctx),
    usersByIds: (ids: readonly string[], ctx: RequestContext) => usersByIds(deps, ids, ctx),
    users: (input: UsersInput, ctx: RequestContext) => users(deps, input, ctx),
    auditEvents: (input: ListAuditEventsInput, ctx: RequestContext) => listAuditEvents(deps, input, ctx),
    findAuditEvent: (id: string, ctx: RequestContext) => findAuditEvent(deps, id, ctx),
    createCustomer: (input: CreateCustomerInput, ctx: RequestContext) => createCustomer(deps, input, ctx),
    customers: (request: PageRequest<UserCursor>, ctx: RequestContext) => customers(deps, request, ctx),
    setResellerMarkup: (input: { basisPoints: number }, ctx: RequestContext) =>
      setResellerMarkup(deps, input, ctx),
  };
}

export type AccountUseCases = ReturnType<typeof createAccountUseCases>;
