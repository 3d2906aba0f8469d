import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { UserType } from "../accounts/user.type.ts";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { forbidden } from "../graphql/gateway-errors.ts";
import { fromKeysetCursor, toKeysetCursor } from "../schema/connection/keyset-cursor.ts";
import { connectionOf, readPageArgs } from "../schema/connection/page-args.ts";
import { InvoiceArgs } from "./invoice.args.ts";
import { InvoiceConnectionType } from "./invoice-connection.type.ts";
import { invoicePdfUrl } from "./invoice-pdf-url.ts";
import { InvoiceType } from "./invoice.type.ts";
import { InvoicesArgs } from "./invoices.args.ts";

@Resolver()
export class InvoicesResolver {
  @Requires("SIGNED_IN")
  @Query(() => InvoiceConnectionType, {
    description:
      "Issued monthly invoices, newest month first: your own, or (SUPPORT, ADMIN) one user's with `userId`.",
  })
  async invoices(
    @Args(() => InvoicesArgs) args: InvoicesArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InvoiceConnectionType> {
    const request = readPageArgs(args, fromKeysetCursor);
    const page = await ctx.billing.listInvoices(
      {
        userId: args.userId ?? ctx.viewer!.userId,
        page:
          "first" in request
            ? {
                first: request.first,
                after: request.after && { periodStart: request.after.createdAt, id: request.after.id },
              }
            : {
                last: request.last,
                before: request.before && { periodStart: request.before.createdAt, id: request.before.id },
              },
      },
      ctx,
    );
    if (!page) throw forbidden();
    return connectionOf(
      page.invoices,
      {
        cursor: (invoice) => toKeysetCursor({ createdAt: invoice.periodStart, id: invoice.id! }),
        node: (invoice) => InvoiceType.from(invoice, (target) => invoicePdfUrl(ctx, target)),
      },
      page,
      request,
    );
  }

  @Requires("SIGNED_IN")
  @Query(() => InvoiceType, {
    nullable: true,
    description:
      "An issued invoice by id: null when it does not exist or is not yours (SUPPORT and ADMIN see all).",
  })
  async invoice(
    @Args(() => InvoiceArgs) { id }: InvoiceArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InvoiceType | null> {
    const invoice = await ctx.billing.findInvoice({ invoiceId: id }, ctx);
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
    const invoice = await ctx.billing.upcomingInvoice({ userId: user.key }, ctx);
    return invoice ? InvoiceType.from(invoice, (target) => invoicePdfUrl(ctx, target)) : null;
  }
}
