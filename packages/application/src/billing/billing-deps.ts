import type { StepUp } from "../accounts/step-up.ts";
import type { VatRateBasisPoints } from "@peykarband/domain";
import type { AuditLog } from "../ports/audit-log.ts";
import type { BillingRepository } from "../ports/billing.repository.ts";
import type { ServerRepository } from "../ports/server.repository.ts";
import type { Clock, IdGenerator } from "../ports/system.ts";
import type { UserRepository } from "../ports/user.repository.ts";
import type { WalletLedger } from "../ports/wallet-ledger.ts";

/** The ports the billing use cases need. */
export interface BillingDeps {
  readonly billing: BillingRepository;
  readonly servers: Pick<ServerRepository, "findById">;
  /** Whose customer a server's owner is: a reseller sees its customers' usage. */
  readonly users: Pick<UserRepository, "findById">;
  readonly ledger: Pick<WalletLedger, "balance" | "post">;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** VAT_RATE_PERCENT in hundredths of a percent: the runway spends VAT with usage. */
  readonly vatRate: VatRateBasisPoints;
  /** A fresh second factor from the caller, for money-moving admin mutations. */
  readonly stepUp: StepUp;
}
