/**
 * One case per root field of the schema, for the authorization matrix: a document aimed at a
 * victim's objects (`$user`, `$server`, `$key`, `$hook` are the victim's User, Server, ApiKey and
 * WebhookEndpoint ids, `$email` its email). Fields that take no other tenant's object still run, to show that what
 * they answer is the caller's own.
 */
export interface Victim {
  readonly user: string;
  readonly server: string;
  readonly key: string;
  readonly hook: string;
  readonly email: string;
}

export interface FieldCase {
  readonly document: string;
  /** True for mutations, which the matrix runs only as callers who may not change the victim's objects. */
  readonly writes?: boolean;
}

const TYPES: Readonly<Record<string, string>> = {
  user: "ID!",
  server: "ID!",
  key: "ID!",
  hook: "ID!",
  email: "String!",
  ik: "String!",
};

/** Declares exactly the variables the body uses: GraphQL refuses unused ones. */
function operation(kind: "query" | "mutation", body: string): string {
  const used = Object.keys(TYPES).filter((name) => new RegExp(`\\$${name}\\b`).test(body));
  const declared = used.length ? `(${used.map((name) => `$${name}: ${TYPES[name]}`).join(", ")})` : "";
  return `${kind}${declared} { ${body} }`;
}

const write = (name: string, input: string): FieldCase => ({
  document: operation("mutation", `${name}(input: { ${input} }) { userErrors { code } }`),
  writes: true,
});
const read = (selection: string): FieldCase => ({ document: operation("query", selection) });
const fresh = "idempotencyKey: $ik";

export const FIELD_CASES: Readonly<Record<string, FieldCase>> = {
  "Query.health": read(`health { sandbox }`),
  "Query.viewer": read(`viewer { id email }`),
  "Query.node": read(
    `u: node(id: $user) { id ... on User { email wallet { balance } } } s: node(id: $server) { id } k: node(id: $key) { id }`,
  ),
  "Query.regions": read(`regions { id }`),
  "Query.images": read(`images { id }`),
  "Query.plans": read(`plans { id hourlyPrice }`),
  "Query.servers": read(
    `a: servers(first: 50) { nodes { id } } b: servers(first: 50, customerId: $user) { nodes { id } }`,
  ),
  "Query.server": read(`server(id: $server) { id name }`),
  "Query.sshKeys": read(`sshKeys { id }`),
  "Query.payments": read(
    `a: payments(first: 50, userId: $user) { nodes { id } } b: payments(first: 50, customerId: $user) { nodes { id } }`,
  ),
  "Query.invoices": read(
    `a: invoices(first: 50, customerId: $user) { nodes { id } } b: invoices(first: 50, userId: $user) { nodes { id } }`,
  ),
  "Query.invoice": read(`invoice(id: $server) { id }`),
  "Query.revenueByMonth": read(`revenueByMonth(sinceYear: 1400, sinceMonth: 1) { month }`),
  "Query.outstandingBalances": read(`outstandingBalances(first: 50) { email }`),
  "Query.suspendedServers": read(`suspendedServers(first: 50) { nodes { ownerEmail } }`),
  "Query.apiKeys": read(`apiKeys(first: 50) { nodes { id } }`),
  "Query.auditEvents": read(`auditEvents(first: 50, subjectId: $user) { nodes { id subject { email } } }`),
  "Query.customers": read(`customers(first: 50) { nodes { id email } }`),
  "Query.users": read(`users(first: 50, filter: { email: $email }) { nodes { id email } }`),
  "Query.webhookEndpoints": read(`webhookEndpoints(first: 50) { nodes { id url } }`),
  "Query.webhookDeliveries": read(`webhookDeliveries(first: 50, endpointId: $hook) { nodes { id } }`),
  "Mutation.orderServer": write(
    "orderServer",
    `customerId: $user, name: "x", planId: "hz-cx22", regionId: "hz-fsn1", imageId: "ubuntu-24.04", ${fresh}`,
  ),
  "Mutation.deleteServer": write("deleteServer", "serverId: $server"),
  "Mutation.powerOffServer": write("powerOffServer", "serverId: $server, customerId: $user"),
  "Mutation.powerOnServer": write("powerOnServer", "serverId: $server"),
  "Mutation.rebootServer": write("rebootServer", "serverId: $server"),
  "Mutation.rebuildServer": write("rebuildServer", `serverId: $server, imageId: "debian-12"`),
  "Mutation.resizeServer": write("resizeServer", `serverId: $server, planId: "hz-cx32"`),
  "Mutation.addSshKey": write("addSshKey", `name: "k", publicKey: "not a key"`),
  "Mutation.deleteSshKey": write("deleteSshKey", "sshKeyId: $key"),
  "Mutation.startTopUp": write("startTopUp", `amount: "1", gateway: ZARINPAL, ${fresh}`),
  "Mutation.registerUser": write("registerUser", `email: $email, password: "correct horse battery"`),
  "Mutation.logIn": write("logIn", `email: $email, password: "wrong password!"`),
  "Mutation.refreshSession": write("refreshSession", `refreshToken: "nope"`),
  "Mutation.logOut": write("logOut", `everywhere: false`),
  "Mutation.startTwoFactorSetup": write("startTwoFactorSetup", `password: "wrong password!"`),
  "Mutation.confirmTwoFactorSetup": write("confirmTwoFactorSetup", `code: "000000"`),
  "Mutation.disableTwoFactor": write("disableTwoFactor", `password: "wrong password!", code: "000000"`),
  "Mutation.createApiKey": write("createApiKey", `name: "m", scopes: [SERVERS_READ]`),
  "Mutation.revokeApiKey": write("revokeApiKey", "apiKeyId: $key"),
  "Mutation.changeUserRole": write("changeUserRole", "userId: $user, role: ADMIN"),
  "Mutation.adjustWallet": write("adjustWallet", `userId: $user, amount: "-1", reason: "matrix", ${fresh}`),
  "Mutation.setServerQuota": write("setServerQuota", "userId: $user, limit: 0"),
  "Mutation.waiveUsage": write("waiveUsage", `serverId: $server, amount: "1", reason: "matrix", ${fresh}`),
  "Mutation.setLanguage": write("setLanguage", "language: EN"),
  "Mutation.createCustomer": write("createCustomer", "email: $email"),
  "Mutation.transferToCustomer": write("transferToCustomer", `customerId: $user, amount: "1", ${fresh}`),
  "Mutation.setResellerMarkup": write("setResellerMarkup", "basisPoints: 1"),
  "Mutation.confirmSecondFactor": write("confirmSecondFactor", `code: "000000"`),
  "Mutation.createWebhookEndpoint": write(
    "createWebhookEndpoint",
    `url: "http://127.0.0.1:9/matrix", events: [SERVER_STATUS_CHANGED]`,
  ),
  "Mutation.deleteWebhookEndpoint": write("deleteWebhookEndpoint", "endpointId: $hook"),
  "Mutation.redeliverWebhook": write("redeliverWebhook", "deliveryId: $hook"),
};
