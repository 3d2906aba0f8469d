import { toKeysetPageQuery, type CountedPage, type PageRequest } from "../ports/keyset-page.ts";
import type { LedgerEntryCursor, LedgerEntryPage } from "../ports/wallet-ledger.ts";
import { canReadAccount } from "../shared/tenant-policy.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { WalletDeps } from "./wallet-deps.ts";

/** `first` / `after` or `last` / `before`, each size 1 to 100; cursors are entries' `createdAt` and `id`. */
export type WalletEntriesInput = PageRequest<LedgerEntryCursor> & { readonly userId: string };

/** A wallet's ledger entries, newest first (their own, a reseller's customers'; staff: anyone's), else null. */
export async function walletEntries(
  deps: WalletDeps,
  input: WalletEntriesInput,
  ctx: RequestContext,
): Promise<(LedgerEntryPage & CountedPage) | null> {
  if (!(await canReadAccount(deps.users, ctx.viewer, input.userId))) return null;
  const page = await deps.ledger.entries({ userId: input.userId, ...toKeysetPageQuery(input) });
  return { ...page, countAll: () => deps.ledger.countEntries(input.userId) };
}
