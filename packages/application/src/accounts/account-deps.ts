import type { AccessTokenIssuer } from "../ports/access-token-issuer.ts";
import type { ApiKeyRepository } from "../ports/api-key.repository.ts";
import type { AuditLog } from "../ports/audit-log.ts";
import type { AttemptThrottle } from "../ports/login-throttle.ts";
import type { PasswordHasher } from "../ports/password-hasher.ts";
import type { RecoveryCodeRepository } from "../ports/recovery-code.repository.ts";
import type { RefreshSuccessor } from "../ports/refresh-successor.ts";
import type { ResellerMarkupRepository } from "../ports/reseller-markup.repository.ts";
import type { SecretBox } from "../ports/secret-box.ts";
import type { SessionRepository } from "../ports/session.repository.ts";
import type { Clock, Digest, IdGenerator, RandomSource } from "../ports/system.ts";
import type { Totp } from "../ports/totp.ts";
import type { UserRepository } from "../ports/user.repository.ts";
import type { AccountPolicy } from "./account-policy.ts";

/** The ports the account use cases need; the composition root provides real adapters, tests in-memory ones. */
export interface AccountDeps {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly recoveryCodes: RecoveryCodeRepository;
  readonly passwords: PasswordHasher;
  readonly accessTokens: AccessTokenIssuer;
  readonly totp: Totp;
  readonly secretBox: SecretBox;
  readonly throttle: AttemptThrottle;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly random: RandomSource;
  readonly digest: Digest;
  readonly refreshSuccessor: RefreshSuccessor;
  readonly markups: ResellerMarkupRepository;
  readonly policy: AccountPolicy;
}
