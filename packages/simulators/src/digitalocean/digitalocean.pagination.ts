/** DigitalOcean's page/per_page paging: `links.pages` with only the meaningful URLs, and `meta.total`. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly links: { pages?: Record<string, string> };
  readonly meta: { total: number };
}

const DEFAULT_PER_PAGE = 20;
const MAX_PER_PAGE = 200;

export function paginate<T>(all: readonly T[], url: URL, baseUrl: string): Page<T> {
  const perPage = Math.min(MAX_PER_PAGE, positive(url.searchParams.get("per_page")) ?? DEFAULT_PER_PAGE);
  const page = positive(url.searchParams.get("page")) ?? 1;
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = (n: number) => {
    const query = new URLSearchParams(url.searchParams);
    query.set("page", String(n));
    query.set("per_page", String(perPage));
    return `${baseUrl}${url.pathname}?${query.toString()}`;
  };
  const pages: Record<string, string> = {};
  if (page > 1) {
    pages.first = link(1);
    pages.prev = link(Math.min(page - 1, last));
  }
  if (page < last) {
    pages.next = link(page + 1);
    pages.last = link(last);
  }
  return {
    items: all.slice((page - 1) * perPage, page * perPage),
    links: Object.keys(pages).length > 0 ? { pages } : {},
    meta: { total: all.length },
  };
}

function positive(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 ? n : undefined;
}
