import type { Payment, Rial } from "@peykarband/domain";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { forbidden } from "../graphql/gateway-errors.ts";
import { describeInPersian } from "../i18n/ledger-entry-description.ts";
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

const paymentOf = (entry: LedgerEntryType, ctx: GraphQLContext): Promise<Payment | null> =>
  entry.paymentId === null ? Promise.resolve(null) : ctx.useCases.wallet.findPayment(entry.paymentId, ctx);

@Resolver(() => LedgerEntryType)
export class LedgerEntryResolver {
  @FieldResolver(() => PaymentType, {
    nullable: true,
    description: "The gateway payment behind a TOP_UP entry; null for other kinds.",
  })
  async payment(@Root() entry: LedgerEntryType, @Ctx() ctx: GraphQLContext): Promise<PaymentType | null> {
    const payment = await paymentOf(entry, ctx);
    return payment ? PaymentType.from(payment) : null;
  }

  @FieldResolver(() => String, {
    description:
      "The entry for a person, in the caller's language (Accept-Language; English or Persian): in English the `reason`; in Persian made from the kind and the entry's details (gateway and bank reference, server, usage window in Jalali dates), a person's own words (a staff adjustment's reason) kept as written.",
  })
  async description(@Root() entry: LedgerEntryType, @Ctx() ctx: GraphQLContext): Promise<string> {
    if (ctx.locale !== "fa") return entry.reason;
    const [payment, server] = await Promise.all([
      paymentOf(entry, ctx),
      entry.subject ? ctx.loaders.server.load(entry.subject.serverId) : null,
    ]);
    return describeInPersian({
      ...entry,
      payment,
      server: entry.subject ? { name: server?.name ?? null, windowStart: entry.subject.windowStart } : null,
    });
  }
}
