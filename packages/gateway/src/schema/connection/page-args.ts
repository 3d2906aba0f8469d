import type { CountedPage, PageRequest } from "@peykarband/application";
import { CountedConnectionType } from "./counted-connection.type.ts";
import { badUserInput } from "../../graphql/gateway-errors.ts";
import { QUERY_LIMITS } from "../../limits/query-limits.ts";

/** The Relay arguments every connection takes. */
export interface ConnectionArgs {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

/**
 * Checks the Relay arguments as docs/api.md sets them and reads the cursor with `decode` (null for
 * anything this connection did not issue): `first` (with `after`) or `last` (with `before`), never
 * both, 1 to 100.
 */
export function readPageArgs<Cursor>(
  args: ConnectionArgs,
  decode: (cursor: string) => Cursor | null,
): PageRequest<Cursor> {
  const max = QUERY_LIMITS.maxPageSize;
  if (args.first != null && args.last != null) throw badUserInput("Give first or last, not both.");
  const backward = args.last != null;
  const size = backward ? args.last : args.first;
  if (size == null) throw badUserInput(`Give first or last, 1 to ${max}.`);
  const sizeName = backward ? "last" : "first";
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw badUserInput(`${sizeName} must be 1 to ${max}.`);
  }
  // Mixed pairs (first with before, last with after) are legal Relay but rare; refusing them keeps
  // every page one keyset read.
  if (backward ? args.after != null : args.before != null) {
    throw badUserInput(backward ? "after goes with first, not last." : "before goes with last, not first.");
  }
  const cursorName = backward ? "before" : "after";
  const given = backward ? args.before : args.after;
  const cursor = given == null ? null : decode(given);
  if (given != null && cursor === null)
    throw badUserInput(`${cursorName} is not a cursor from this connection.`);
  return backward ? { last: size, before: cursor } : { first: size, after: cursor };
}

/**
 * PageInfo of a newest-first page. The store says whether more items lie beyond the page in the
 * direction read; on the other side, items exist when a cursor was given (the item it names at
 * least), the cheap answer the Relay spec allows.
 */
/** A Relay connection (edges, nodes, pageInfo, totalCount) from one page of rows. */
export function connectionOf<Row, Node, Cursor>(
  rows: readonly Row[],
  edge: { cursor: (row: Row) => string; node: (row: Row) => Node },
  page: { readonly hasMore: boolean } & CountedPage,
  request: PageRequest<Cursor>,
) {
  const edges = rows.map((row) => ({ cursor: edge.cursor(row), node: edge.node(row) }));
  return Object.assign(new CountedConnectionType(), {
    countAll: page.countAll,
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: pageInfoOf(
      edges.map((e) => e.cursor),
      page,
      request,
    ),
  });
}

export function pageInfoOf<Cursor>(
  cursors: readonly string[],
  page: { readonly hasMore: boolean },
  request: PageRequest<Cursor>,
) {
  const backward = "last" in request;
  const cursorGiven = (backward ? request.before : request.after) != null;
  return {
    hasNextPage: backward ? cursorGiven : page.hasMore,
    hasPreviousPage: backward ? page.hasMore : cursorGiven,
    startCursor: cursors[0] ?? null,
    endCursor: cursors.at(-1) ?? null,
  };
}
