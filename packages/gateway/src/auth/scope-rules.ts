import type { ApiScope } from "@peykarband/domain";

/**
 * What an API key needs to call a root field: one scope; `ANY_KEY` for fields any caller may use
 * (what they show is limited to the key's owner, or checked per object, as `node` does); or
 * `NO_KEY` for account security and staff fields, which only a signed-in session may call. A
 * session has every scope; its role rule (`@Requires`) still applies to both.
 */
export type ScopeRule = ApiScope | "ANY_KEY" | "NO_KEY";

/** One line per root field; a schema test fails on any root field missing here. */
export const ROOT_FIELD_SCOPES: Readonly<Record<string, ScopeRule>> = {
  "Query.health": "ANY_KEY",
  "Query.viewer": "ANY_KEY",
  "Query.node": "ANY_KEY",
  "Query.regions": "ANY_KEY",
  "Query.images": "ANY_KEY",
  "Query.plans": "ANY_KEY",
  "Query.servers": "servers:read",
  "Query.server": "servers:read",
  "Query.sshKeys": "servers:read",
  "Query.payments": "billing:read",
  "Query.invoices": "billing:read",
  "Query.invoice": "billing:read",
  "Query.revenueByMonth": "NO_KEY",
  "Query.outstandingBalances": "NO_KEY",
  "Query.suspendedServers": "NO_KEY",
  "Query.apiKeys": "NO_KEY",
  "Query.auditEvents": "NO_KEY",
  "Query.customers": "customers:write",
  "Query.users": "NO_KEY",
  "Query.webhookEndpoints": "webhooks:write",
  "Query.webhookDeliveries": "webhooks:write",
  "Mutation.orderServer": "servers:write",
  "Mutation.deleteServer": "servers:write",
  "Mutation.powerOffServer": "servers:write",
  "Mutation.powerOnServer": "servers:write",
  "Mutation.rebootServer": "servers:write",
  "Mutation.rebuildServer": "servers:write",
  "Mutation.resizeServer": "servers:write",
  "Mutation.addSshKey": "servers:write",
  "Mutation.deleteSshKey": "servers:write",
  "Mutation.startTopUp": "billing:write",
  "Mutation.registerUser": "NO_KEY",
  "Mutation.logIn": "NO_KEY",
  "Mutation.refreshSession": "NO_KEY",
  "Mutation.logOut": "NO_KEY",
  "Mutation.startTwoFactorSetup": "NO_KEY",
  "Mutation.confirmTwoFactorSetup": "NO_KEY",
  "Mutation.disableTwoFactor": "NO_KEY",
  "Mutation.confirmSecondFactor": "NO_KEY",
  "Mutation.createApiKey": "NO_KEY",
  "Mutation.revokeApiKey": "NO_KEY",
  "Mutation.changeUserRole": "NO_KEY",
  "Mutation.adjustWallet": "NO_KEY",
  "Mutation.setServerQuota": "NO_KEY",
  "Mutation.waiveUsage": "NO_KEY",
  "Mutation.setLanguage": "NO_KEY",
  "Mutation.createWebhookEndpoint": "webhooks:write",
  "Mutation.deleteWebhookEndpoint": "webhooks:write",
  "Mutation.redeliverWebhook": "webhooks:write",
  "Mutation.createCustomer": "customers:write",
  "Mutation.transferToCustomer": "customers:write",
  "Mutation.setResellerMarkup": "customers:write",
  "Subscription.serverStatusChanged": "servers:read",
};

export function describeScope(rule: ScopeRule): string {
  if (rule === "ANY_KEY") return "API keys: any scope.";
  if (rule === "NO_KEY") return "API keys: refused; only a signed-in session.";
  return `API keys: need scope ${rule}.`;
}

/** The scope a key lacks for this rule, `null` for a rule no key meets, or undefined when it may. */
export function missingScope(
  rule: ScopeRule | undefined,
  scopes: readonly ApiScope[],
): ApiScope | null | undefined {
  if (rule === "ANY_KEY") return undefined;
  if (rule === undefined || rule === "NO_KEY") return null;
  return scopes.includes(rule) ? undefined : rule;
}

/** What a key needs to see each type through `node`; a key without it gets null, as for a missing object. */
export const NODE_SCOPES: Readonly<Record<string, ScopeRule>> = {
  User: "ANY_KEY",
  Server: "servers:read",
  SshKey: "servers:read",
  Payment: "billing:read",
  Invoice: "billing:read",
  UpcomingInvoice: "billing:read",
  AuditEvent: "NO_KEY",
  ApiKey: "NO_KEY",
  WebhookEndpoint: "webhooks:write",
  WebhookDelivery: "webhooks:write",
};
