import type { BillingDeps } from "./billing-deps.ts";

export interface SettlementReport {
  readonly until: string;
  readonly postings: number;
}

/**
 * The hourly job: every server's usage up to now, posted to the ledger in one set-wise statement.
 * A run that crashed or was skipped is caught up by the next (a meter settles from where it was
 * left), and two runs at once post each window once.
 */
export async function settleUsage(deps: Pick<BillingDeps, "billing" | "clock">): Promise<SettlementReport> {
  const until = deps.clock.now();
  const postings = await deps.billing.settle(until);
  return { until: until.toISOString(), postings };
}
