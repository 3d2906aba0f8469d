import { err, ok } from "@peykarband/domain";
import { z } from "zod";
import type { PageSignal } from "../every-page.ts";

/** What every DigitalOcean list answer carries about its pages; each list extends it. */
export const digitalOceanPaged = z.object({
  links: z.object({ pages: z.object({ next: z.string().optional() }).partial().optional() }).optional(),
});
type DigitalOceanPaged = z.infer<typeof digitalOceanPaged>;

/** DigitalOcean signals the next page as an absolute link in `links.pages.next`; absent on the last. */
export function digitalOceanPages(firstPath: string): PageSignal<DigitalOceanPaged, string> {
  return {
    first: firstPath,
    path: (path) => path,
    next: (answer) => {
      const link = answer.links?.pages?.next;
      if (link === undefined) return ok(null);
      const path = pathOf(link);
      return path === undefined ? err(`unreadable next page link`) : ok(path);
    },
  };
}

/** DigitalOcean's page links are absolute URLs; we keep our base URL and take its path and query. */
function pathOf(link: string): string | undefined {
  try {
    const url = new URL(link);
    return url.pathname.startsWith("/v2/") ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}
