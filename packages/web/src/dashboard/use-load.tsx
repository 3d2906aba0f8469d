import { useEffect, useState } from "preact/hooks";

export type Loaded<T> =
  { readonly status: "loading" | "failed" } | { readonly status: "ready"; readonly data: T };

/** Reads `load` on mount and whenever `key` changes; `reload` reads it again. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: unknown = null) {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal).then(
      (data) => setState({ status: "ready", data }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        console.error("not loaded", error);
        setState({ status: "failed" });
      },
    );
    return () => abort.abort();
  }, [key, round]);
  return { state, reload: () => setRound((n) => n + 1) };
}

/** What a section shows while its data is not there. */
export function LoadStatus({ state }: { readonly state: Loaded<unknown> }) {
  if (state.status === "ready") return null;
  return (
    <p class="status" role="status">
      {state.status === "loading" ? "در حال خواندن…" : "خوانده نشد؛ صفحه را دوباره باز کنید."}
    </p>
  );
}
