import { AccessDeniedError } from "@peykarband/application";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { UserType } from "../../accounts/user.type.ts";
import { AuditEventType } from "../../audit/audit-event.type.ts";
import { Requires } from "../../auth/requires.decorator.ts";
import { missingScope, NODE_SCOPES } from "../../auth/scope-rules.ts";
import { PaymentType } from "../../payments/payment.type.ts";
import { ServerType } from "../../servers/server.type.ts";
import { SshKeyType } from "../../ssh-keys/ssh-key.type.ts";
import type { GraphQLContext } from "../../context/graphql-context.ts";
import { fromGlobalId } from "./global-id.ts";
import { invoicePdfUrl } from "../../invoices/invoice-pdf-url.ts";
import { InvoiceType } from "../../invoices/invoice.type.ts";
import { NodeInterface } from "./node.interface.ts";

/** `node` answers "not visible" as null, like a missing object, rather than revealing that it exists. */
const invisibleAsNull = (error: unknown): null => {
  if (error instanceof AccessDeniedError) return null;
  throw error;
};

@Resolver()
export class NodeResolver {
  @Requires("PUBLIC")
  @Query(() => NodeInterface, {
    nullable: true,
    description:
      "Any object by its global id, with the same visibility as the typed queries: null when it does not exist, is not visible to you, or the id is not ours.",
  })
  async node(
    @Arg("id", () => ID, { description: "A global id from any `id` field." }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<NodeInterface | null> {
    const decoded = fromGlobalId(id);
    const apiKey = ctx.viewer?.apiKey;
    if (decoded && apiKey && missingScope(NODE_SCOPES[decoded.type], apiKey.scopes) !== undefined)
      return null;
    switch (decoded?.type) {
      case "User": {
        const user = await ctx.useCases.findUser(decoded.key, ctx);
        return user ? UserType.from(user) : null;
      }
      case "AuditEvent": {
        const event = await ctx.useCases.findAuditEvent(decoded.key, ctx).catch(invisibleAsNull);
        return event ? AuditEventType.from(event) : null;
      }
      case "Payment": {
        const payment = await ctx.wallet.findPayment(decoded.key, ctx).catch(invisibleAsNull);
        return payment ? PaymentType.from(payment) : null;
      }
      case "Server": {
        const server = await ctx.loaders.server.load(decoded.key);
        return server ? ServerType.from(server) : null;
      }
      case "SshKey": {
        // Only the viewer's own keys are visible; an account holds a handful, so the list is the read.
        if (!ctx.viewer) return null;
        const key = (await ctx.servers.listSshKeys(ctx)).find((k) => k.id === decoded.key);
        return key ? SshKeyType.from(key) : null;
      }
      case "Invoice": {
        const invoice = await ctx.billing.findInvoice({ invoiceId: decoded.key }, ctx).catch(invisibleAsNull);
        return invoice ? InvoiceType.from(invoice, (target) => invoicePdfUrl(ctx, target)) : null;
      }
      case "UpcomingInvoice": {
        if (!ctx.viewer) return null;
        const invoice = await ctx.billing.upcomingInvoice({ userId: decoded.key }, ctx);
        return invoice ? InvoiceType.from(invoice, (target) => invoicePdfUrl(ctx, target)) : null;
      }
      default:
        return null;
    }
  }
}
