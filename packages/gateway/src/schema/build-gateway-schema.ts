import "reflect-metadata";
import { GraphQLObjectType, lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema, type PubSub } from "type-graphql";
import { ApiKeysResolver } from "../api-keys/api-keys.resolver.ts";
import { ChangeUserRoleResolver } from "../accounts/change-user-role.resolver.ts";
import { SessionResolver } from "../accounts/session.resolver.ts";
import { TwoFactorResolver } from "../accounts/two-factor.resolver.ts";
import { UsersResolver } from "../accounts/users.resolver.ts";
import { ConfirmSecondFactorResolver } from "../accounts/confirm-second-factor.resolver.ts";
import { ViewerResolver } from "../accounts/viewer.resolver.ts";
import { LanguageResolver } from "../notifications/language.resolver.ts";
import { AuditEventResolver } from "../audit/audit-event.resolver.ts";
import { ACCESS_EXTENSION, describeAccess, isAccessRule } from "../auth/access-rule.ts";
import { authChecker } from "../auth/auth-checker.ts";
import { describeScope, ROOT_FIELD_SCOPES } from "../auth/scope-rules.ts";
import { CatalogResolver } from "../catalog/catalog.resolver.ts";
import { PlanResolver } from "../catalog/plan.resolver.ts";
import { OrderServerResolver } from "../servers/order-server.resolver.ts";
import { ServerActionsResolver } from "../servers/server-actions.resolver.ts";
import { ServerStatusResolver } from "../servers/server-status.resolver.ts";
import { ServerResolver } from "../servers/server.resolver.ts";
import { ServersResolver } from "../servers/servers.resolver.ts";
import { SetServerQuotaResolver } from "../servers/set-server-quota.resolver.ts";
import { SshKeysResolver } from "../ssh-keys/ssh-keys.resolver.ts";
import { decodeGlobalIdArguments } from "./node/decode-global-ids.ts";
import { NodeResolver } from "./node/node.resolver.ts";
import { DateTimeScalar } from "./scalars/date-time.scalar.ts";
import { validateArguments } from "./validate-arguments.ts";
import { HealthResolver } from "../system/health.resolver.ts";
import { PaymentsResolver } from "../payments/payments.resolver.ts";
import { StartTopUpResolver } from "../payments/start-top-up.resolver.ts";
import { AdjustWalletResolver } from "../wallet/adjust-wallet.resolver.ts";
import { UserWalletResolver } from "../wallet/user-wallet.resolver.ts";
import { LedgerEntryResolver, WalletResolver } from "../wallet/wallet.resolver.ts";
import { ServerUsageResolver } from "../billing/server-usage.resolver.ts";
import { WaiveUsageResolver } from "../billing/waive-usage.resolver.ts";
import { WalletRunwayResolver } from "../billing/wallet-runway.resolver.ts";
import { InvoicesResolver, UpcomingInvoiceResolver } from "../invoices/invoices.resolver.ts";
import { RevenueReportsResolver } from "../invoices/revenue-reports.resolver.ts";
import { SuspendedServersResolver } from "../invoices/suspended-servers.resolver.ts";
import { WebhooksResolver } from "../webhooks/webhooks.resolver.ts";
import { ResellersResolver } from "../resellers/resellers.resolver.ts";

export const ROOT_TYPES = ["Query", "Mutation", "Subscription"] as const;

const ROOT_DESCRIPTIONS: Readonly<Record<(typeof ROOT_TYPES)[number], string>> = {
  Query: "Reads. Each field says who may call it.",
  Mutation:
    "Changes. Each takes one `input` and returns a payload with `userErrors`; each says who may call it.",
  Subscription: "Live updates over graphql-ws. Each field says who may subscribe.",
};

/**
 * Describes the root types, which type-graphql cannot, and writes each root field's access rule
 * into its description from the one place the rule is declared (`@Requires`), so the docs cannot
 * disagree with what the auth checker enforces; the API-key scope rule (scope-rules.ts) follows it.
 */
function describeRootTypes(schema: GraphQLSchema): void {
  for (const name of ROOT_TYPES) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLObjectType)) continue;
    type.description = ROOT_DESCRIPTIONS[name];
    for (const field of Object.values(type.getFields())) {
      const rule = field.extensions[ACCESS_EXTENSION];
      if (!isAccessRule(rule)) continue;
      const scope = ROOT_FIELD_SCOPES[`${name}.${field.name}`];
      const scopeLine = scope ? ` ${describeScope(scope)}` : "";
      field.description = `${field.description ?? ""}\n${describeAccess(rule)}${scopeLine}`.trim();
    }
  }
}

/**
 * type-graphql insists on a pubSub once there is a subscription, but ours have `subscribe`
 * functions that go through a use case (authorized, opening with the stored state) and never use
 * topics: this one only refuses, so a topic-based subscription added by mistake fails loudly.
 */
const TOPICS_UNUSED: PubSub = {
  publish() {
    throw new Error("Publish through an application port (ServerStatusPublisher), not type-graphql.");
  },
  subscribe() {
    throw new Error("Subscriptions take a `subscribe` function that calls a use case, not topics.");
  },
};

export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      NodeResolver,
      InvoicesResolver,
      UpcomingInvoiceResolver,
      RevenueReportsResolver,
      SuspendedServersResolver,
      HealthResolver,
      ViewerResolver,
      UsersResolver,
      ConfirmSecondFactorResolver,
      SessionResolver,
      TwoFactorResolver,
      ChangeUserRoleResolver,
      ApiKeysResolver,
      ResellersResolver,
      AuditEventResolver,
      UserWalletResolver,
      WalletResolver,
      LedgerEntryResolver,
      PaymentsResolver,
      StartTopUpResolver,
      AdjustWalletResolver,
      CatalogResolver,
      PlanResolver,
      ServersResolver,
      ServerResolver,
      ServerUsageResolver,
      WalletRunwayResolver,
      WaiveUsageResolver,
      LanguageResolver,
      OrderServerResolver,
      ServerActionsResolver,
      SetServerQuotaResolver,
      SshKeysResolver,
      ServerStatusResolver,
      WebhooksResolver,
    ],
    authChecker,
    pubSub: TOPICS_UNUSED,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validateFn: validateArguments,
  });
  describeRootTypes(schema);
  decodeGlobalIdArguments(schema);
  return schema;
}

/** The committed SDL: sorted, so a diff shows what changed and not where type-graphql put it. */
export const printSortedSchema = (schema: GraphQLSchema): string =>
  `${printSchema(lexicographicSortSchema(schema))}\n`;
