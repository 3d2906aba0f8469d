import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { UserType } from "../accounts/user.type.ts";
import { requireKeyScope } from "../auth/require-key-scope.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { WalletType } from "./wallet.type.ts";

@Resolver(() => UserType)
export class UserWalletResolver {
  @FieldResolver(() => WalletType, {
    description:
      "The user's rial wallet: balance and statement. Every user has one, empty at first. An API key needs scope billing:read.",
  })
  wallet(@Root() user: UserType, @Ctx() ctx: GraphQLContext): WalletType {
    requireKeyScope(ctx, "billing:read");
    return WalletType.of(user.key);
  }
}
