import { API_SCOPES, type ApiScope } from "@peykarband/domain";
import { registerEnumType } from "type-graphql";

/** GraphQL names (SERVERS_READ) for the scopes written `servers:read` everywhere else. */
const NAMES: Readonly<Record<ApiScope, string>> = {
  "servers:read": "SERVERS_READ",
  "servers:write": "SERVERS_WRITE",
  "billing:read": "BILLING_READ",
  "billing:write": "BILLING_WRITE",
  "customers:write": "CUSTOMERS_WRITE",
  "webhooks:write": "WEBHOOKS_WRITE",
};

const DESCRIPTIONS: Readonly<Record<ApiScope, string>> = {
  "servers:read": "servers:read — list and read your servers and SSH keys, and watch their status.",
  "servers:write":
    "servers:write — order, operate, resize, rebuild and delete servers; add and delete SSH keys.",
  "billing:read": "billing:read — read your wallet, its statement and your payments.",
  "billing:write": "billing:write — start wallet top-ups.",
  "customers:write": "customers:write — manage a reseller's customers (no field uses it yet).",
  "webhooks:write":
    "webhooks:write — create, list and delete webhook endpoints, read their deliveries and send one again.",
};

export const ApiScopeEnum = Object.fromEntries(API_SCOPES.map((scope) => [NAMES[scope], scope])) as Record<
  string,
  ApiScope
>;

registerEnumType(ApiScopeEnum, {
  name: "ApiScope",
  description: "What an API key may do. A signed-in session may do all of it that its role allows.",
  valuesConfig: Object.fromEntries(
    API_SCOPES.map((scope) => [NAMES[scope], { description: DESCRIPTIONS[scope] }]),
  ),
});
