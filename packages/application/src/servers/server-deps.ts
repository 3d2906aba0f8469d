import type { AuditLog } from "../ports/audit-log.ts";
import type { Catalog } from "../ports/catalog.ts";
import type { CloudProviders } from "../ports/cloud-provider.ts";
import type { Fingerprinter } from "../ports/fingerprint.ts";
import type { ServerStatusFeed, ServerStatusPublisher } from "../ports/server-status-events.ts";
import type { ResellerMarkupRepository } from "../ports/reseller-markup.repository.ts";
import type { ServerRepository } from "../ports/server.repository.ts";
import type { SshKeyRepository } from "../ports/ssh-key.repository.ts";
import type { Clock, IdGenerator } from "../ports/system.ts";
import type { UserRepository } from "../ports/user.repository.ts";
import type { WalletLedger } from "../ports/wallet-ledger.ts";
import type { ServerPolicy } from "./server-policy.ts";

/** The ports the server use cases need. */
export interface ServerDeps {
  readonly servers: ServerRepository;
  readonly catalog: Catalog;
  readonly sshKeys: SshKeyRepository;
  readonly providers: CloudProviders;
  readonly publisher: ServerStatusPublisher;
  readonly feed: ServerStatusFeed;
  /** `findByReference`: a refund gives back what the order charged, read from its transaction. */
  readonly ledger: Pick<WalletLedger, "balance" | "findByReference">;
  readonly users: Pick<UserRepository, "findById">;
  /** Resellers' markups: their customers see and pay our prices plus it. */
  readonly markups: ResellerMarkupRepository;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly fingerprint: Fingerprinter;
  readonly policy: ServerPolicy;
  /** Waits between provider polls; tests pass one that returns at once. */
  readonly sleep: (ms: number) => Promise<void>;
}
