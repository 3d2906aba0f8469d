import type { CatalogState } from "../catalog/use-catalog.ts";

const MESSAGES = {
  idle: "فهرست زنده از API پیکربند خوانده می‌شود؛ برای دیدنش جاوااسکریپت مرورگر باید روشن باشد.",
  loading: "در حال خواندن فهرست از API…",
  failed: "خواندن فهرست از API ممکن نشد. چند لحظهٔ دیگر صفحه را دوباره باز کنید.",
} as const;

/** What stands in for live data until it arrives, or when it cannot. */
export function CatalogStatus({ state }: { readonly state: CatalogState }) {
  if (state.status === "ready") return null;
  return (
    <p class="status" role="status">
      {MESSAGES[state.status]}
    </p>
  );
}
