export * from "./shared/request-context.ts";
export * from "./shared/access-denied.error.ts";
export * from "./ports/access-token-issuer.ts";
export * from "./ports/audit-log.ts";
export * from "./ports/keyset-page.ts";
export * from "./ports/login-throttle.ts";
export * from "./ports/password-hasher.ts";
export * from "./ports/refresh-successor.ts";
export * from "./ports/recovery-code.repository.ts";
export * from "./ports/secret-box.ts";
export * from "./ports/session.repository.ts";
export * from "./ports/api-key.repository.ts";
export * from "./ports/system.ts";
export * from "./ports/totp.ts";
export * from "./ports/user.repository.ts";
export * from "./ports/reseller-markup.repository.ts";
export * from "./resellers/reseller-errors.ts";
export type { CreateCustomerInput } from "./resellers/create-customer.use-case.ts";
export type { TransferToCustomerInput, CustomerFunded } from "./resellers/transfer-to-customer.use-case.ts";
export * from "./accounts/account-deps.ts";
export * from "./accounts/account-errors.ts";
export * from "./api-keys/api-key-errors.ts";
export type { CreateApiKeyInput } from "./api-keys/create-api-key.use-case.ts";
export * from "./accounts/account-policy.ts";
export * from "./accounts/account-use-cases.ts";
export type { StepUp, StepUpErrorCode } from "./accounts/step-up.ts";
export * from "./accounts/session-grant.ts";
export type { RegisterUserInput } from "./accounts/register-user.use-case.ts";
export type { LogInInput } from "./accounts/log-in.use-case.ts";
export type { RefreshSessionInput } from "./accounts/refresh-session.use-case.ts";
export type { LogOutInput } from "./accounts/log-out.use-case.ts";
export type { StartTwoFactorSetupInput, TwoFactorSetup } from "./accounts/start-two-factor-setup.use-case.ts";
export type { ConfirmTwoFactorSetupInput } from "./accounts/confirm-two-factor-setup.use-case.ts";
export type { DisableTwoFactorInput } from "./accounts/disable-two-factor.use-case.ts";
export type { ChangeUserRoleInput } from "./accounts/change-user-role.use-case.ts";
export type { CreateAdministratorInput } from "./accounts/create-administrator.use-case.ts";
export type { ListAuditEventsInput } from "./audit/list-audit-events.use-case.ts";
export * from "./ports/wallet-ledger.ts";
export * from "./ports/payment.repository.ts";
export * from "./ports/payment-gateway.ts";
export * from "./wallet/idempotency-key.ts";
export * from "./wallet/wallet-deps.ts";
export * from "./wallet/wallet-errors.ts";
export * from "./wallet/wallet-policy.ts";
export * from "./wallet/wallet-use-cases.ts";
export type {
  StartTopUpError,
  StartTopUpInput,
  TopUpStarted,
  TopUpsThrottled,
} from "./payments/start-top-up.use-case.ts";
export type {
  HandlePaymentCallbackInput,
  CallbackHandled,
} from "./payments/handle-payment-callback.use-case.ts";
export type {
  ReconcilePendingPaymentsInput,
  ReconciliationReport,
} from "./payments/reconcile-pending-payments.use-case.ts";
export type { PaymentsInput } from "./payments/payments.use-case.ts";
export type { DebitWalletInput, WalletDebited } from "./wallet/debit-wallet.use-case.ts";
export type { AdjustWalletInput, WalletAdjusted } from "./wallet/adjust-wallet.use-case.ts";
export type { WalletEntriesInput } from "./wallet/wallet-entries.use-case.ts";
export * from "./ports/cloud-provider.ts";
export * from "./ports/catalog.ts";
export * from "./ports/server.repository.ts";
export * from "./ports/ssh-key.repository.ts";
export * from "./ports/server-status-events.ts";
export * from "./servers/server-errors.ts";
export * from "./ssh-keys/ssh-key-errors.ts";
export * from "./servers/server-use-cases.contract.ts";
export * from "./ports/fingerprint.ts";
export * from "./ports/fingerprint.ts";
export * from "./servers/server-deps.ts";
export * from "./servers/server-policy.ts";
export * from "./servers/server-use-cases.ts";
export { ServerJobRetryError } from "./servers/server-job-retry.ts";
export { MAX_SERVER_QUOTA } from "./servers/set-server-quota.use-case.ts";
export * from "./ports/billing.repository.ts";
export * from "./ports/sms-sender.ts";
export * from "./billing/billing-deps.ts";
export * from "./billing/billing-errors.ts";
export * from "./billing/billing-use-cases.ts";
export type { SettlementReport } from "./billing/settle-usage.use-case.ts";
export type { WaiveUsageInput, UsageWaived } from "./billing/waive-usage.use-case.ts";
export type { WalletRunway } from "./billing/wallet-runs-out.use-case.ts";
export * from "./ports/email-sender.ts";
export * from "./ports/notification.repository.ts";
export * from "./ports/dunning.repository.ts";
export * from "./dunning/dunning-deps.ts";
export * from "./dunning/run-dunning.use-case.ts";
export * from "./notifications/deliver-notification.use-case.ts";
export * from "./notifications/sandbox-outbox.use-case.ts";
export * from "./notifications/language-preference.use-case.ts";
export * from "./ports/language-preference.ts";
export * from "./ports/invoice.repository.ts";
export * from "./invoices/invoice-deps.ts";
export * from "./invoices/invoice-use-cases.ts";
export type { InvoiceRunReport } from "./invoices/issue-monthly-invoices.use-case.ts";
export * from "./ports/invoice-pdf.ts";
export * from "./ports/link-signer.ts";
export type { InvoicePdfDeps, InvoicePdfLink, InvoicePdfTarget } from "./invoices/invoice-pdf.use-case.ts";
export * from "./ports/webhook.repository.ts";
export * from "./ports/webhook-sender.ts";
export * from "./webhooks/webhook-deps.ts";
export * from "./webhooks/webhook-errors.ts";
export * from "./webhooks/webhook-use-cases.ts";
export type { CreateWebhookEndpointInput } from "./webhooks/create-webhook-endpoint.use-case.ts";
export type { WebhookAttemptReport } from "./webhooks/deliver-webhook.use-case.ts";
