import { walletRunsOutAt } from "@peykarband/domain";
import { canReadUser } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { BillingDeps } from "./billing-deps.ts";

export type WalletRunway =
  | { readonly visible: false }
  /** `runsOutAt` null: nothing accrues. */
  | { readonly visible: true; readonly runsOutAt: Date | null };

/**
 * When the user's wallet runs out at the rates their servers accrue at now, VAT included (their
 * own; staff: anyone's).
 */
export async function walletRunsOut(
  deps: Pick<BillingDeps, "billing" | "ledger" | "clock" | "vatRate">,
  input: { userId: string },
  ctx: RequestContext,
): Promise<WalletRunway> {
  if (!canReadUser(ctx.viewer, input.userId)) return { visible: false };
  const [balance, meters] = await Promise.all([
    deps.ledger.balance(input.userId),
    deps.billing.openMeters(input.userId),
  ]);
  return { visible: true, runsOutAt: walletRunsOutAt(balance, meters, deps.clock.now(), deps.vatRate) };
}
