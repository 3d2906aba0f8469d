import type { AccountDeps, Clock, PasswordHasher } from "@peykarband/application";
import type { Config } from "../config/config.ts";
import { AesGcmSecretBox } from "../crypto/aes-gcm.secret-box.ts";
import { Argon2PasswordHasher } from "../crypto/argon2.password-hasher.ts";
import { HmacRefreshSuccessor } from "../crypto/hmac.refresh-successor.ts";
import { JoseAccessTokenIssuer } from "../crypto/jose.access-token-issuer.ts";
import { OtplibTotp } from "../crypto/otplib.totp.ts";
import type { Database } from "../database/database.ts";
import { CryptoRandomSource } from "../system/crypto.random-source.ts";
import { Sha256Digest } from "../system/sha256.digest.ts";
import { SystemClock } from "../system/system.clock.ts";
import { UuidV7Generator } from "../system/uuid-v7.id-generator.ts";
import { DrizzleApiKeyRepository } from "./api-key.repository.ts";
import { DrizzleAttemptThrottle } from "./attempt-throttle.repository.ts";
import { InProcessAttemptThrottle } from "./in-process.attempt-throttle.ts";
import { DrizzleAuditLog } from "./audit-log.repository.ts";
import { DrizzleRecoveryCodeRepository } from "./recovery-code.repository.ts";
import { DrizzleSessionRepository } from "./session.repository.ts";
import { DrizzleUserRepository } from "./user.repository.ts";
import { CachingSessionRepository, CachingUserRepository, SessionCache } from "./session-cache.ts";
import { inProcessSessionEvictionBus, type SessionEvictionBus } from "./session-eviction.bus.ts";

export type AccountAdapters = Omit<AccountDeps, "policy">;

type AccountConfig = Pick<Config, "deploymentName" | "accessTokenTtlSeconds" | "secrets">;

/**
 * How long this process may reuse a session read when authenticating a request. Revocations reach
 * every process at once through the eviction bus; this is the longest a revoked session stays
 * usable here only if a broadcast is lost.
 */
export const SESSION_CACHE_TTL_MS = 5_000;

/** The real adapters behind the account use cases; the gateway adds the policy. */
export function createAccountAdapters(
  database: Pick<Database, "db" | "kind">,
  config: AccountConfig,
  options: {
    totpIssuer?: string;
    sessionCacheTtlMs?: number;
    /** Opened and closed by the caller; in this process only when not given (the CLI, tests). */
    sessionEvictions?: SessionEvictionBus;
    /** Tests move time through this instead of faking `Date`; the system clock otherwise. */
    clock?: Clock;
    /** Tests count argon2 runs through this; argon2id otherwise. */
    passwords?: PasswordHasher;
  } = {},
): AccountAdapters {
  const clock = options.clock ?? new SystemClock();
  const sessionCache = new SessionCache({ ttlMs: options.sessionCacheTtlMs ?? SESSION_CACHE_TTL_MS });
  const evictions = options.sessionEvictions ?? inProcessSessionEvictionBus();
  sessionCache.follow(evictions);
  return {
    users: new CachingUserRepository(new DrizzleUserRepository(database.db), sessionCache, evictions),
    sessions: new CachingSessionRepository(
      new DrizzleSessionRepository(database.db),
      sessionCache,
      evictions,
    ),
    apiKeys: new DrizzleApiKeyRepository(database.db),
    recoveryCodes: new DrizzleRecoveryCodeRepository(database.db),
    // The embedded database belongs to one process, which therefore sees every attempt; with a
    // server database, gateways scale out and must share their counters.
    throttle:
      database.kind === "pglite"
        ? new InProcessAttemptThrottle(clock)
        : new DrizzleAttemptThrottle(database.db),
    audit: new DrizzleAuditLog(database.db),
    passwords: options.passwords ?? new Argon2PasswordHasher(),
    accessTokens: new JoseAccessTokenIssuer({
      keys: config.secrets.jwtSigningKeys,
      issuer: config.deploymentName,
      audience: `${config.deploymentName}:api`,
      ttlSeconds: config.accessTokenTtlSeconds,
      clock,
    }),
    totp: new OtplibTotp(clock, options.totpIssuer ?? "Peykarband"),
    secretBox: new AesGcmSecretBox(config.secrets.secretBoxKey),
    clock,
    ids: new UuidV7Generator(clock),
    random: new CryptoRandomSource(),
    digest: new Sha256Digest(),
    refreshSuccessor: new HmacRefreshSuccessor(config.secrets.secretBoxKey),
  };
}
