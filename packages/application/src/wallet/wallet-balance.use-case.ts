import type { Wallet } from "@peykarband/domain";
import { canReadAccount } from "../shared/tenant-policy.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { WalletDeps } from "./wallet-deps.ts";

/** The user's wallet (their own, a reseller's customers'; staff: anyone's), else null, as if it did not exist. */
export async function walletBalance(
  deps: WalletDeps,
  input: { userId: string },
  ctx: RequestContext,
): Promise<Wallet | null> {
  if (!(await canReadAccount(deps.users, ctx.viewer, input.userId))) return null;
  return { userId: input.userId, balance: await deps.ledger.balance(input.userId) };
}
