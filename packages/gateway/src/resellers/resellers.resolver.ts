import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { UserType } from "../accounts/user.type.ts";
import { Requires } from "../auth/requires.decorator.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { ConnectionArgs } from "../schema/connection/connection.args.ts";
import { fromKeysetCursor, toKeysetCursor } from "../schema/connection/keyset-cursor.ts";
import { connectionOf, readPageArgs } from "../schema/connection/page-args.ts";
import { toPayload, type PayloadView } from "../schema/user-errors/to-payload.ts";
import { WalletType } from "../wallet/wallet.type.ts";
import { CreateCustomerInput } from "./create-customer.input.ts";
import { CreateCustomerPayload } from "./create-customer.payload.ts";
import { CustomerConnectionType } from "./customer-connection.type.ts";
import { SetResellerMarkupInput } from "./set-reseller-markup.input.ts";
import { SetResellerMarkupPayload } from "./set-reseller-markup.payload.ts";
import { TransferToCustomerInput } from "./transfer-to-customer.input.ts";
import { TransferToCustomerPayload } from "./transfer-to-customer.payload.ts";

@Requires(["RESELLER"])
@Resolver()
export class ResellersResolver {
  @Query(() => CustomerConnectionType, { description: "Your customers, newest first." })
  async customers(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CustomerConnectionType> {
    const request = readPageArgs(args, fromKeysetCursor);
    const page = await ctx.useCases.accounts.customers(request, ctx);
    const edges = {
      cursor: toKeysetCursor,
      node: (user: Parameters<typeof UserType.from>[0]) => UserType.from(user),
    };
    return connectionOf(page.users, edges, page, request);
  }

  @Mutation(() => CreateCustomerPayload, {
    description:
      "Creates a customer account in your tree: you order and fund for it, it sees only its own. Audited.",
  })
  async createCustomer(
    @Arg("input", () => CreateCustomerInput, {
      description: "The customer's email, and optionally a password and phone.",
    })
    input: CreateCustomerInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<CreateCustomerPayload>> {
    return toPayload(await ctx.useCases.accounts.createCustomer(input, ctx), ctx, (created) => ({
      customer: UserType.from(created.customer),
    }));
  }

  @Mutation(() => TransferToCustomerPayload, {
    description:
      "Moves money from your wallet to your customer's, in one ledger transaction; never takes your wallet below zero. Idempotent by key. Audited.",
  })
  async transferToCustomer(
    @Arg("input", () => TransferToCustomerInput, { description: "The customer, the amount and a key." })
    input: TransferToCustomerInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<TransferToCustomerPayload>> {
    return toPayload(await ctx.useCases.wallet.transferToCustomer(input, ctx), ctx, (funded) => ({
      wallet: WalletType.of(funded.resellerId, funded.balance),
      customerWallet: WalletType.of(funded.customerId),
    }));
  }

  @Mutation(() => SetResellerMarkupPayload, {
    description:
      "Sets your markup over our prices: your customers see our prices plus it, and are charged it on servers ordered or resized from then on. Audited.",
  })
  async setResellerMarkup(
    @Arg("input", () => SetResellerMarkupInput, { description: "The markup in basis points." })
    input: SetResellerMarkupInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayloadView<SetResellerMarkupPayload>> {
    return toPayload(await ctx.useCases.accounts.setResellerMarkup(input, ctx), ctx, (set) => ({
      basisPoints: set.basisPoints,
    }));
  }
}
