import { FieldResolver, Resolver, Root } from "type-graphql";
import { UserType } from "../accounts/user.type.ts";
import { WalletType } from "./wallet.type.ts";

@Resolver(() => UserType)
export class UserWalletResolver {
  @FieldResolver(() => WalletType, {
    description: "The user's rial wallet: balance and statement. Every user has one, empty at first.",
  })
  wallet(@Root() user: UserType): WalletType {
    return WalletType.of(user.key);
  }
}
