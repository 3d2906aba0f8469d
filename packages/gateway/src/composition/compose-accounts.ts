import {
  createAccountUseCases,
  defaultAccountPolicy,
  type AccountDeps,
  type AccountPolicy,
  type AccountUseCases,
  type Clock,
  type PasswordHasher,
} from "@peykarband/application";
import {
  AesGcmSecretBox,
  Argon2PasswordHasher,
  CachingSessionRepository,
  CachingUserRepository,
  CryptoRandomSource,
  DrizzleApiKeyRepository,
  DrizzleAttemptThrottle,
  DrizzleAuditLog,
  DrizzleRecoveryCodeRepository,
  DrizzleResellerMarkupRepository,
  DrizzleSessionRepository,
  DrizzleUserRepository,
  HmacRefreshSuccessor,
  InProcessAttemptThrottle,
  inProcessSessionEvictionBus,
  JoseAccessTokenIssuer,
  OtplibTotp,
  SessionCache,
  Sha256Digest,
  SystemClock,
  UuidV7Generator,
  type Config,
  type Database,
  type SessionEvictionBus,
} from "@peykarband/infrastructure";

/** What the account use cases run on; the wallet, servers, billing and notifications share its clock, ids and audit log. */
export type AccountAdapters = Omit<AccountDeps, "policy">;

type AccountConfig = Pick<Config, "deploymentName" | "accessTokenTtlSeconds" | "secrets">;

/**
 * How long this process may reuse a session read when authenticating a request. Revocations reach
 * every process at once through the eviction bus; this is the longest a revoked session stays
 * usable here only if a broadcast is lost.
 */
const SESSION_CACHE_TTL_MS = 5_000;

/** The real adapters behind the account use cases, on the app's database. */
export function composeAccountAdapters(
  database: Pick<Database, "db" | "kind">,
  config: AccountConfig,
  options: {
    totpIssuer?: string;
    sessionCacheTtlMs?: number;
    /** Opened and closed by the caller; in this process only when not given (the CLI, tests). */
    sessionEvictions?: SessionEvictionBus;
    /** Tests move time through this instead of faking `Date`; the system clock otherwise. */
    clock?: Clock | undefined;
    /** Tests count argon2 runs through this; argon2id otherwise. */
    passwords?: PasswordHasher | undefined;
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
    markups: new DrizzleResellerMarkupRepository(database.db),
  };
}

/** The account use cases with this deployment's token lifetimes; `policy` overrides the rest (benchmarks). */
export function composeAccounts(
  adapters: AccountAdapters,
  config: Pick<Config, "accessTokenTtlSeconds" | "refreshGraceSeconds">,
  policy: Partial<AccountPolicy> = {},
): AccountUseCases {
  return createAccountUseCases({
    ...adapters,
    policy: {
      ...defaultAccountPolicy,
      accessTokenTtlSeconds: config.accessTokenTtlSeconds,
      refreshGraceSeconds: config.refreshGraceSeconds,
      ...policy,
    },
  });
}
