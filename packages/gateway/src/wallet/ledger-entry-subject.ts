/** The server an entry is about and, for usage and its VAT, where the settled window starts. */
export interface LedgerEntrySubject {
  readonly serverId: string;
  readonly windowStart: Date | null;
}

const SERVER_ORDER = /^server:([^:]+):(order|refund)$/;
// Usage and its VAT are posted in SQL (drizzle/0011_usage-vat.sql) as `usage-vat:` + the usage reference.
const USAGE = /^(?:usage|usage-vat):([^:]+):(.+)$/;

/**
 * Reads the subject back from the entry's reference, as the domain builds it
 * (`serverOrderReference`, `serverRefundReference`, `usageReference`); null for other entries.
 */
export function ledgerEntrySubject(reference: string): LedgerEntrySubject | null {
  const order = SERVER_ORDER.exec(reference);
  if (order) return { serverId: order[1]!, windowStart: null };
  const usage = USAGE.exec(reference);
  if (!usage) return null;
  const windowStart = new Date(usage[2]!);
  return Number.isNaN(windowStart.getTime()) ? null : { serverId: usage[1]!, windowStart };
}
