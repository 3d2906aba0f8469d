import type { Rial } from "@peykarband/domain";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { forbidden } from "../graphql/gateway-errors.ts";
import { PaymentType } from "../payments/payment.type.ts";
import { ConnectionArgs } from "../schema/connection/connection.args.ts";
import { fromKeysetCursor, toKeysetCursor } from "../schema/connection/keyset-cursor.ts";
import { connectionOf, readPageArgs } from "../schema/connection/page-args.ts";
import { RialScalar } from "../schema/scalars/rial.scalar.ts";
import { LedgerEntryConnectionType } from "./ledger-entry-connection.type.ts";
import { LedgerEntryType } from "./ledger-entry.type.ts";
import { WalletType } from "./wallet.type.ts";

/**
 * A wallet is only reached through a User the viewer may see, and the use cases apply the same
 * rule; a null from them here means the two disagree, which is a bug, not "not found".
 */
@Resolver(() => WalletType)
export class WalletResolver {
  @FieldResolver(() => RialScalar, { description: "What the wallet holds now, in rials." })
  async balance(@Root() wallet: WalletType, @Ctx() ctx: GraphQLContext): Promise<Rial> {
    if (wallet.knownBalance) return wallet.knownBalance;
    const found = await ctx.useCases.wallet.walletBalance({ userId: wallet.userId }, ctx);
    if (!found) throw forbidden();
    return found.balance;
  }

  @FieldResolver(() => LedgerEntryConnectionType, {
    description: "The wallet's statement, newest first: every movement of its balance.",
  })
  async entries(
    @Root() wallet: WalletType,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LedgerEntryConnectionType> {
    const request = readPageArgs(args, fromKeysetCursor);
    const page = await ctx.useCases.wallet.walletEntries({ ...request, userId: wallet.userId }, ctx);
    if (!page) throw forbidden();
    return connectionOf(
      page.entries,
      { cursor: (entry) => toKeysetCursor(entry), node: (entry) => LedgerEntryType.from(entry) },
      page,
      request,
    );
  }
}

@Resolver(() => LedgerEntryType)
export class LedgerEntryResolver {
  @FieldResolver(() => PaymentType, {
    nullable: true,
    description: "The gateway payment behind a TOP_UP entry; null for other kinds.",
  })
  async payment(@Root() entry: LedgerEntryType, @Ctx() ctx: GraphQLContext): Promise<PaymentType | null> {
    if (entry.paymentId === null) return null;
    const payment = await ctx.useCases.wallet.findPayment(entry.paymentId, ctx);
    return payment ? PaymentType.from(payment) : null;
  }
}
