import { err, ok } from "@peykarband/domain";
import { z } from "zod";
import type { PageSignal } from "../every-page.ts";

/** What every Hetzner list answer carries about its pages; each list extends it. */
export const hetznerPaged = z.object({
  meta: z.object({ pagination: z.object({ next_page: z.number().int().positive().nullable() }) }),
});
type HetznerPaged = z.infer<typeof hetznerPaged>;

/** Hetzner signals the next page by number in `meta.pagination.next_page`; null on the last. */
export function hetznerPages(pathOfPage: (page: number) => string): PageSignal<HetznerPaged, number> {
  return {
    first: 1,
    path: pathOfPage,
    next: (answer, page) => {
      const next = answer.meta.pagination.next_page;
      if (next === null) return ok(null);
      return next <= page ? err(`page ${page} points back to ${next}`) : ok(next);
    },
  };
}
