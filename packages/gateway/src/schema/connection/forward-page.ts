import { badUserInput } from "../../graphql/gateway-errors.ts";
import { QUERY_LIMITS } from "../../limits/query-limits.ts";
import { fromKeysetCursor, type KeysetPosition } from "./keyset-cursor.ts";

/** The Relay arguments every connection takes. */
export interface ConnectionArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

export interface ForwardPage {
  readonly first: number;
  readonly after: KeysetPosition | undefined;
}

/**
 * Checks the Relay arguments as STYLE.md sets them (one of `first` / `last`, 1 to 100) and reads
 * the cursor. The stores page newest first from a keyset position only; `last` / `before` are
 * declared by the contract but refused until they page backwards too.
 */
export function forwardPage(args: ConnectionArgs): ForwardPage {
  const max = QUERY_LIMITS.maxPageSize;
  if (args.last != null || args.before != null) {
    throw badUserInput("Paging backwards (last / before) is not supported yet; page with first and after.");
  }
  if (args.first == null) throw badUserInput(`Give first, 1 to ${max}.`);
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > max) {
    throw badUserInput(`first must be 1 to ${max}.`);
  }
  if (args.after == null) return { first: args.first, after: undefined };
  const after = fromKeysetCursor(args.after);
  if (after === null) throw badUserInput("after is not a cursor from this connection.");
  return { first: args.first, after };
}

/** PageInfo of a newest-first page read forwards. */
export function forwardPageInfo(
  cursors: readonly string[],
  page: { readonly hasMore: boolean },
  after: KeysetPosition | undefined,
) {
  return {
    hasNextPage: page.hasMore,
    hasPreviousPage: after !== undefined,
    startCursor: cursors[0] ?? null,
    endCursor: cursors.at(-1) ?? null,
  };
}
