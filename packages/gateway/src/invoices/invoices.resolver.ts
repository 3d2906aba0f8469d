import type { Invoice } from "@peykarband/application";
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { UserType } from "../accounts/user.type.ts";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { forbidden } from "../graphql/gateway-errors.ts";
import { fromKeysetCursor, toKeysetCursor } from "../schema/connection/keyset-cursor.ts";
import { listOwner } from "../schema/connection/list-owner.ts";
import { connectionOf, readPageArgs } from "../schema/connection/page-args.ts";
import { InvoiceArgs } from "./invoice.args.ts";
import { InvoiceConnectionType } from "./invoice-connection.type.ts";
import { invoicePdfUrl } from "./invoice-pdf-url.ts";
import { InvoiceType } from "./invoice.type.ts";
import { InvoicesArgs } from "./invoices.args.ts";

/** Invoices are ordered by their month: the shared keyset cursor, keyed on the period's start. */
function invoicePosition(cursor: string) {
  const position = fromKeysetCursor(cursor);
  return position && { periodStart: position.createdAt, id: position.id };
}

const invoiceEdges = (ctx: GraphQLContext) => ({
  cursor: (invoice: Invoice) => toKeysetCursor({ createdAt: invoice.periodStart, id: invoice.id! }),
  node: (invoice: Invoice) => InvoiceType.from(invoice, (target) => invoicePdfUrl(ctx, target)),
});

@Resolver()
export class InvoicesResolver {
  @Requires("SIGNED_IN")
  @Query(() => InvoiceConnectionType, {
    description:
      "Issued monthly invoices, newest month first: your own, (SUPPORT, ADMIN) one user's with `userId`, or (RESELLER) one customer's with `customerId`.",
  })
  async invoices(
    @Args(() => InvoicesArgs) args: InvoicesArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InvoiceConnectionType> {
    const request = readPageArgs(args, invoicePosition);
    const owner = listOwner(args);
    const page = await ctx.useCases.invoices.invoices(
      { userId: owner.userId ?? ctx.viewer!.userId, customerId: owner.customerId, page: request },
      ctx,
    );
    if (!page) throw forbidden();
    return connectionOf(page.invoices, invoiceEdges(ctx), page, request);
  }

  @Requires("SIGNED_IN")
  @Query(() => InvoiceType, {
    nullable: true,
    description:
      "An issued invoice by id: null when it does not exist or is not yours (SUPPORT and ADMIN see all, a RESELLER its customers').",
  })
  async invoice(
    @Args(() => InvoiceArgs) { id }: InvoiceArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InvoiceType | null> {
    const invoice = await ctx.useCases.invoices.invoice({ invoiceId: id }, ctx);
    return invoice ? InvoiceType.from(invoice, (target) => invoicePdfUrl(ctx, target)) : null;
  }
}

@Resolver(() => UserType)
export class UpcomingInvoiceResolver {
  @FieldResolver(() => InvoiceType, {
    nullable: true,
    description:
      "This Jalali month's invoice so far, live from the clock (settled or not): not numbered, not stored. Null for someone else's unless you are SUPPORT or ADMIN.",
  })
  async upcomingInvoice(@Root() user: UserType, @Ctx() ctx: GraphQLContext): Promise<InvoiceType | null> {
    const invoice = await ctx.useCases.invoices.upcomingInvoice({ userId: user.key }, ctx);
    return invoice ? InvoiceType.from(invoice, (target) => invoicePdfUrl(ctx, target)) : null;
  }
}
