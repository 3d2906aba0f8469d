import { defaultAccountPolicy, type AccountPolicy } from "../accounts/account-policy.ts";
import type { AccountDeps } from "../accounts/account-deps.ts";
import { createAccountUseCases } from "../accounts/account-use-cases.ts";
import type { RequestContext, Viewer } from "../shared/request-context.ts";
import {
  FakeAccessTokens,
  FakePasswordHasher,
  FakeTotp,
  ManualClock,
  fakeRandom,
  sequentialIds,
  fakeDigest,
  fakeRefreshSuccessor,
  transparentSecretBox,
} from "./fake-crypto.ts";
import { InMemoryAuditLog, InMemoryRecoveryCodes, InMemoryThrottle } from "./in-memory-security.ts";
import { InMemoryApiKeys } from "./in-memory-api-keys.ts";
import { InMemorySessions } from "./in-memory-sessions.ts";
import { InMemoryUsers } from "./in-memory-users.ts";
import { InMemoryResellerMarkups } from "./in-memory-reseller-markups.ts";

/** Account use cases over in-memory ports, with handles on each fake for assertions. */
export function accountTestKit(policy: Partial<AccountPolicy> = {}) {
  const clock = new ManualClock();
  const users = new InMemoryUsers();
  const audit = new InMemoryAuditLog();
  const fakes = {
    clock,
    users,
    sessions: new InMemorySessions(users, audit),
    apiKeys: new InMemoryApiKeys(users),
    recoveryCodes: new InMemoryRecoveryCodes(),
    passwords: new FakePasswordHasher(),
    accessTokens: new FakeAccessTokens(clock),
    totp: new FakeTotp(clock),
    throttle: new InMemoryThrottle(clock),
    audit,
  };
  const deps: AccountDeps = {
    ...fakes,
    secretBox: transparentSecretBox,
    ids: sequentialIds(),
    random: fakeRandom,
    digest: fakeDigest,
    refreshSuccessor: fakeRefreshSuccessor,
    markups: new InMemoryResellerMarkups(),
    policy: { ...defaultAccountPolicy, ...policy },
  };
  return { ...fakes, deps, useCases: createAccountUseCases(deps) };
}

export const anonymous = (ip = "198.51.100.7"): RequestContext => ({
  requestId: "req-test",
  ip,
  userAgent: "vitest",
  viewer: null,
});

export const signedIn = (viewer: Viewer, ip = "198.51.100.7"): RequestContext => ({
  ...anonymous(ip),
  viewer,
});
