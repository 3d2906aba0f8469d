import { useEffect, useState } from "preact/hooks";
import { loadCatalog, type Catalog } from "./load-catalog.ts";

/**
 * `idle` is what the build pre-renders and what hydration starts from, so the server's HTML and the
 * first render in the browser agree; the request starts once the page is interactive.
 */
export type CatalogState =
  | { readonly status: "idle" | "loading" | "failed" }
  | { readonly status: "ready"; readonly catalog: Catalog };

export function useCatalog(): CatalogState {
  const [state, setState] = useState<CatalogState>({ status: "idle" });
  useEffect(() => {
    const abort = new AbortController();
    setState({ status: "loading" });
    loadCatalog(abort.signal).then(
      (catalog) => setState({ status: "ready", catalog }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        console.error("catalog not loaded", error);
        setState({ status: "failed" });
      },
    );
    return () => abort.abort();
  }, []);
  return state;
}
