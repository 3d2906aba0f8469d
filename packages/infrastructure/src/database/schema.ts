export { users } from "./schema/users.table.ts";
export { sessionFamilies } from "./schema/session-families.table.ts";
export { refreshTokens } from "./schema/refresh-tokens.table.ts";
export { recoveryCodes } from "./schema/recovery-codes.table.ts";
export { attemptThrottle } from "./schema/attempt-throttle.table.ts";
export { auditEvents } from "./schema/audit-events.table.ts";
export { wallets } from "./schema/wallets.table.ts";
export { ledgerTransactions } from "./schema/ledger-transactions.table.ts";
export { ledgerEntries } from "./schema/ledger-entries.table.ts";
export { payments } from "./schema/payments.table.ts";
export { regions } from "./schema/regions.table.ts";
export { images } from "./schema/images.table.ts";
export { plans } from "./schema/plans.table.ts";
export { planOffers } from "./schema/plan-offers.table.ts";
export { servers } from "./schema/servers.table.ts";
export { serverStatusChanges } from "./schema/server-status-changes.table.ts";
export { sshKeys } from "./schema/ssh-keys.table.ts";
export { serverQuotas } from "./schema/server-quotas.table.ts";
export { serverMeters } from "./schema/server-meters.table.ts";
export { serverRatePeriods } from "./schema/server-rate-periods.table.ts";
export { serverUsagePostings } from "./schema/server-usage-postings.table.ts";
export { dunningEpisodes } from "./schema/dunning-episodes.table.ts";
export { notifications } from "./schema/notifications.table.ts";
export { invoices } from "./schema/invoices.table.ts";
export {
  invoiceUsageLines,
  invoiceStatementLines,
  invoiceNumberCounters,
} from "./schema/invoice-lines.table.ts";
export { apiKeys } from "./schema/api-keys.table.ts";
export { webhookEndpoints, webhookDeliveries } from "./schema/webhooks.table.ts";
export { resellerMarkups } from "./schema/reseller-markups.table.ts";
