import type { DunningSettings, VatRateBasisPoints } from "@peykarband/domain";
import type { AuditLog } from "../ports/audit-log.ts";
import type { BillingRepository } from "../ports/billing.repository.ts";
import type { DunningRepository } from "../ports/dunning.repository.ts";
import type { ServerStatusPublisher } from "../ports/server-status-events.ts";
import type { ServerRepository } from "../ports/server.repository.ts";
import type { Clock, IdGenerator } from "../ports/system.ts";
import type { WalletLedger } from "../ports/wallet-ledger.ts";

/** The ports dunning needs. */
export interface DunningDeps {
  readonly dunning: DunningRepository;
  readonly billing: Pick<BillingRepository, "openMeters">;
  readonly ledger: Pick<WalletLedger, "balance">;
  readonly servers: Pick<ServerRepository, "listLive" | "change">;
  readonly publisher: ServerStatusPublisher;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly settings: DunningSettings;
  /** VAT_RATE_PERCENT in hundredths of a percent: the runway dunning reads spends VAT with usage. */
  readonly vatRate: VatRateBasisPoints;
}
