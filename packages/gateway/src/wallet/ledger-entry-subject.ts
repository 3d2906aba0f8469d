/** The server an entry is about and, for usage and its VAT, where the settled window starts. */
export interface LedgerEntrySubject {
  readonly serverId: string;
  readonly windowStart: Date | null;
}

const SERVER_ORDER = /^server:([^:]+):(order|refund)$/;
// Usage, its VAT and a reseller's margin on it are posted in SQL (drizzle/0011_usage-vat.sql,
// drizzle/0015_reseller-margin.sql) as `usage-vat:` or `usage-margin:` + the usage reference's rest.
const USAGE = /^(?:usage|usage-vat|usage-margin):([^:]+):(.+)$/;

/**
 * Reads the subject back from the entry's reference, as the domain builds it
 * (`serverOrderReference`, `serverRefundReference`, `usageReference`, `usageMarginReference`); null for other entries.
 */
export function ledgerEntrySubject(reference: string): LedgerEntrySubject | null {
  const order = SERVER_ORDER.exec(reference);
  if (order) return { serverId: order[1]!, windowStart: null };
  const usage = USAGE.exec(reference);
  if (!usage) return null;
  const windowStart = new Date(usage[2]!);
  return Number.isNaN(windowStart.getTime()) ? null : { serverId: usage[1]!, windowStart };
}
