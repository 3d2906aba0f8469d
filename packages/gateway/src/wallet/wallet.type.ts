import type { Rial } from "@peykarband/domain";
import { ObjectType } from "type-graphql";

/** `balance` and `entries` are field resolvers (wallet.resolver.ts), so each is read only when asked for. */
@ObjectType("Wallet", {
  description:
    "A customer's rial wallet. Its balance is the sum of its ledger entries. Orders and staff debits never take it below zero; metered server usage may, and the debt then shows as a negative balance.",
})
export class WalletType {
  /** Whose wallet; not exposed. */
  userId!: string;
  /** Known already (after an adjustment): saves the read. */
  knownBalance!: Rial | null;

  static of(userId: string, knownBalance: Rial | null = null): WalletType {
    return Object.assign(new WalletType(), { userId, knownBalance });
  }
}
