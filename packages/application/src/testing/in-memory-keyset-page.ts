import type { KeysetPageQuery } from "../ports/keyset-page.ts";

/**
 * One page of `rows`, which are sorted newest first by `order` (negative when `a` is newer), read
 * as the stores read it: `after` takes the rows older than the cursor from the top, `before` the
 * rows newer than the cursor from the bottom, nearest the cursor.
 */
export function keysetPage<Cursor, Row extends Cursor>(
  rows: readonly Row[],
  query: KeysetPageQuery<Cursor>,
  order: (a: Cursor, b: Cursor) => number,
): { items: Row[]; hasMore: boolean } {
  const { cursor, limit } = query;
  const backward = query.direction === "before";
  const side = backward ? -1 : 1;
  const rest = cursor ? rows.filter((row) => Math.sign(order(row, cursor)) === side) : [...rows];
  const items = backward ? rest.slice(-limit) : rest.slice(0, limit);
  return { items, hasMore: rest.length > limit };
}
