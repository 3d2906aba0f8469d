import { AccessDeniedError } from "@peykarband/application";
import { UserType } from "../../accounts/user.type.ts";
import { AuditEventType } from "../../audit/audit-event.type.ts";
import type { GraphQLContext } from "../../context/graphql-context.ts";
import { invoicePdfUrl } from "../../invoices/invoice-pdf-url.ts";
import { InvoiceType } from "../../invoices/invoice.type.ts";
import { PaymentType } from "../../payments/payment.type.ts";
import { ServerType } from "../../servers/server.type.ts";
import { SshKeyType } from "../../ssh-keys/ssh-key.type.ts";
import type { NodeType } from "./global-id.ts";
import type { NodeInterface } from "./node.interface.ts";

/** `node` answers "not visible" as null, like a missing object, rather than revealing that it exists. */
const invisibleAsNull = (error: unknown): null => {
  if (error instanceof AccessDeniedError) return null;
  throw error;
};

type NodeReader = (key: string, ctx: GraphQLContext) => Promise<NodeInterface | null>;

/** How `node` reads each type: the typed query's use case, with its visibility. */
export const NODE_READERS: Readonly<Record<NodeType, NodeReader | null>> = {
  User: async (key, ctx) => {
    const user = await ctx.useCases.accounts.findUser(key, ctx);
    return user ? UserType.from(user) : null;
  },
  AuditEvent: async (key, ctx) => {
    const event = await ctx.useCases.accounts.findAuditEvent(key, ctx).catch(invisibleAsNull);
    return event ? AuditEventType.from(event) : null;
  },
  Payment: async (key, ctx) => {
    const payment = await ctx.useCases.wallet.findPayment(key, ctx).catch(invisibleAsNull);
    return payment ? PaymentType.from(payment) : null;
  },
  Server: async (key, ctx) => {
    const server = await ctx.loaders.server.load(key);
    return server ? ServerType.from(server) : null;
  },
  SshKey: async (key, ctx) => {
    // Only the viewer's own keys are visible; an account holds a handful, so the list is the read.
    if (!ctx.viewer) return null;
    const sshKey = (await ctx.useCases.servers.sshKeys(ctx)).find((k) => k.id === key);
    return sshKey ? SshKeyType.from(sshKey) : null;
  },
  Invoice: async (key, ctx) => {
    const invoice = await ctx.useCases.invoices.invoice({ invoiceId: key }, ctx).catch(invisibleAsNull);
    return invoice ? InvoiceType.from(invoice, (target) => invoicePdfUrl(ctx, target)) : null;
  },
  UpcomingInvoice: async (key, ctx) => {
    if (!ctx.viewer) return null;
    const invoice = await ctx.useCases.invoices.upcomingInvoice({ userId: key }, ctx);
    return invoice ? InvoiceType.from(invoice, (target) => invoicePdfUrl(ctx, target)) : null;
  },
  ApiKey: null,
};
