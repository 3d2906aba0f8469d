import type { LedgerEntryCursor, LedgerEntryPage } from "../ports/wallet-ledger.ts";
import { canReadUser } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { WalletDeps } from "./wallet-deps.ts";

export interface WalletEntriesInput {
  readonly userId: string;
  /** 1 to 100. */
  readonly first: number;
  /** The `createdAt` and `id` of the last entry already seen. */
  readonly after?: LedgerEntryCursor | null;
}

/** A wallet's ledger entries, newest first (their own; staff: anyone's), else null. */
export async function walletEntries(
  deps: WalletDeps,
  input: WalletEntriesInput,
  ctx: RequestContext,
): Promise<LedgerEntryPage | null> {
  if (!canReadUser(ctx.viewer, input.userId)) return null;
  const first = Math.min(Math.max(Math.trunc(input.first), 1), 100);
  return deps.ledger.entries({
    userId: input.userId,
    limit: first,
    ...(input.after ? { after: input.after } : {}),
  });
}
