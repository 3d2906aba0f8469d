/**
 * A page of a newest-first list, read from a keyset position. "after": the `limit` items older
 * than `cursor`, or the newest when there is none (Relay `first` / `after`). "before": the `limit`
 * items newer than `cursor` and nearest to it, or the oldest when there is none (Relay `last` /
 * `before`). Either way the page comes back newest first, and its `hasMore` says whether more
 * items lie beyond it in the direction read.
 */
export interface KeysetPageQuery<Cursor> {
  readonly limit: number;
  /** "after" when omitted. */
  readonly direction?: "after" | "before";
  readonly cursor?: Cursor;
}

/** What a use case takes: Relay's forward or backward arguments, never both. */
export type PageRequest<Cursor> =
  | { readonly first: number; readonly after?: Cursor | null }
  | { readonly last: number; readonly before?: Cursor | null };

/** Reads a page request as a store query; the size is clamped to 1..100. */
export function toKeysetPageQuery<Cursor>(request: PageRequest<Cursor>): KeysetPageQuery<Cursor> {
  const backward = "last" in request;
  const size = backward ? request.last : request.first;
  const cursor = backward ? request.before : request.after;
  return {
    limit: Math.min(Math.max(Math.trunc(size), 1), 100),
    direction: backward ? "before" : "after",
    ...(cursor ? { cursor } : {}),
  };
}

/**
 * A page that can also count its whole list, under the same scope and filter as the page. A
 * function, so the count (a COUNT(*) over the list) runs only when a caller asks for it.
 */
export interface CountedPage {
  readonly countAll: () => Promise<number>;
}
