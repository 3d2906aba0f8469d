import type { CloudFailure, CloudResult } from "@peykarband/application";
import { err, ok, type Result } from "@peykarband/domain";
import type { z } from "zod";

/** One GET of an adapter, retried, in its provider's error terms. */
export type CloudRead = <T>(path: string, shape: z.ZodType<T>, operation: string) => CloudResult<T>;

/**
 * How a provider pages its lists: the first page, the request of a page, and the page an answer
 * signals as next (null after the last; an error says why the signal cannot be followed).
 */
export interface PageSignal<P, Page> {
  readonly first: Page;
  path(page: Page): string;
  next(answer: P, page: Page): Result<Page | null, string>;
}

export interface PagedList<P, T, Page> {
  /** Names the list in failures, e.g. `list droplets`. */
  readonly operation: string;
  readonly shape: z.ZodType<P>;
  /** NoInfer: the shape decides P; the signal reads only its paging part. */
  readonly pages: PageSignal<NoInfer<P>, Page>;
  items(answer: P): readonly T[];
  /** A next-page signal that never ends is a provider bug, not a reason to spin. */
  readonly maxPages: number;
}

/** Every item of a list, page after page as the provider signals; each page is one read. */
export async function everyPage<P, T, Page>(
  read: CloudRead,
  list: PagedList<P, T, Page>,
  failure: (detail: string) => CloudFailure,
): CloudResult<T[]> {
  const all: T[] = [];
  let page: Page | null = list.pages.first;
  for (let pages = 0; page !== null; pages++) {
    if (pages >= list.maxPages) return err(failure(`${list.operation}: pages never end`));
    const answer = await read(list.pages.path(page), list.shape, list.operation);
    if (!answer.ok) return answer;
    all.push(...list.items(answer.value));
    const next: Result<Page | null, string> = list.pages.next(answer.value, page);
    if (!next.ok) return err(failure(`${list.operation}: ${next.error}`));
    page = next.value;
  }
  return ok(all);
}
