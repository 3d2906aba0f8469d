import type { StepUp } from "../accounts/step-up.ts";
import type { AuditLog } from "../ports/audit-log.ts";
import type { AttemptThrottle } from "../ports/login-throttle.ts";
import type { PaymentGateways } from "../ports/payment-gateway.ts";
import type { PaymentRepository } from "../ports/payment.repository.ts";
import type { Clock, IdGenerator } from "../ports/system.ts";
import type { UserRepository } from "../ports/user.repository.ts";
import type { WalletLedger } from "../ports/wallet-ledger.ts";
import type { WalletPolicy } from "./wallet-policy.ts";

/** The ports the wallet and payment use cases need. */
export interface WalletDeps {
  readonly ledger: WalletLedger;
  readonly payments: PaymentRepository;
  readonly gateways: PaymentGateways;
  readonly users: Pick<UserRepository, "findById">;
  readonly audit: AuditLog;
  /** Counts top-up starts per user, shared by every gateway process (the sign-in throttle's store). */
  readonly throttle: AttemptThrottle;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly policy: WalletPolicy;
  /** A fresh second factor from the caller, for money-moving admin mutations. */
  readonly stepUp: StepUp;
}
