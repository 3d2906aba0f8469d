import {
  accruedUntil,
  domainError,
  err,
  ok,
  Rial,
  usageWaiverTransaction,
  type DomainError,
  type LedgerTransaction,
  type Result,
} from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import { parseIdempotencyKey } from "../wallet/idempotency-key.ts";
import type { BillingDeps } from "./billing-deps.ts";
import type { WaiveUsageErrorCode } from "./billing-errors.ts";

/** Room left in a ledger reason (500) for the server's name around it. */
const MAX_WAIVER_REASON_LENGTH = 400;

export interface WaiveUsageInput {
  readonly serverId: string;
  /** Whole rials as a decimal string, positive, at most what the server has accrued. */
  readonly amount: string;
  /** Why, for the customer's statement and the audit log. Required. */
  readonly reason: string;
  readonly idempotencyKey: string;
  /** A TOTP or recovery code, when the session has not proved a second factor in the last minutes. */
  readonly totpCode?: string | null;
}

export interface UsageWaived {
  /** Whose wallet was credited: the server's owner. */
  readonly userId: string;
  readonly transaction: LedgerTransaction;
  readonly balance: Rial;
}

/**
 * ADMIN only: forgives part of a server's usage, the one way usage is ever forgiven. Accrual and
 * settlement go on unchanged; the waiver is a credit of its own (revenue back to the wallet) with
 * the reason on the statement and an audit event.
 */
export async function waiveUsage(
  deps: BillingDeps,
  input: WaiveUsageInput,
  ctx: RequestContext,
): Promise<Result<UsageWaived, DomainError<WaiveUsageErrorCode>>> {
  const admin = requireRole(ctx, ["ADMIN"]);
  const steppedUp = await deps.stepUp(ctx, input.totpCode);
  if (!steppedUp.ok) return steppedUp;
  const key = parseIdempotencyKey(input.idempotencyKey);
  if (!key.ok) return key;
  const amount = Rial.parse(input.amount);
  if (!amount.ok || !amount.value.isPositive()) {
    return err(domainError("INVALID_AMOUNT", "A waiver is a positive whole number of rials.", ["amount"]));
  }
  const reason = input.reason.trim();
  if (!reason || reason.length > MAX_WAIVER_REASON_LENGTH) {
    return err(
      domainError("INVALID_REASON", `Say why, in 1 to ${MAX_WAIVER_REASON_LENGTH} characters.`, ["reason"]),
    );
  }
  const [server, [meter]] = await Promise.all([
    deps.servers.findById(input.serverId),
    deps.billing.meters([input.serverId]),
  ]);
  if (!server || !meter) return err(domainError("SERVER_NOT_FOUND", "No such server.", ["serverId"]));
  const at = deps.clock.now();
  const accrued = accruedUntil(meter, at);
  if (amount.value.compare(accrued) > 0) {
    return err(
      domainError("AMOUNT_EXCEEDS_USAGE", `The server has accrued ${accrued} rials so far.`, ["amount"]),
    );
  }
  const transaction = usageWaiverTransaction({
    id: deps.ids.newId(),
    userId: server.userId,
    serverId: server.id,
    serverName: server.name,
    amount: amount.value,
    // Keys are the admin's own: two admins' keys never collide.
    key: `${admin.userId}:${key.value}`,
    reason,
    at,
  });
  const outcome = await deps.ledger.post(transaction);
  if (outcome.status === "DUPLICATE") {
    const same =
      outcome.transaction.sameMovementAs(transaction) && outcome.transaction.reason === transaction.reason;
    if (!same) {
      return err(
        domainError("IDEMPOTENCY_KEY_REUSED", "This idempotency key was used for another waiver.", [
          "idempotencyKey",
        ]),
      );
    }
    return ok({
      userId: server.userId,
      transaction: outcome.transaction,
      balance: await deps.ledger.balance(server.userId),
    });
  }
  await recordAudit(deps, ctx, "USAGE_WAIVED", {
    subjectId: server.userId,
    details: { serverId: server.id, amount: amount.value.toString(), reason, transactionId: transaction.id },
  });
  return ok({ userId: server.userId, transaction, balance: await deps.ledger.balance(server.userId) });
}
