import { useState } from "preact/hooks";
import type { UserErrorLike } from "./forms/field-errors.ts";

const UNREACHABLE = "ارتباط با سرور برقرار نشد؛ کمی بعد دوباره تلاش کنید.";

/**
 * Runs one mutation at a time and keeps its refusal (the API's Persian message) to show beside
 * the action. Success shows nothing here: the page shows its outcome (a server's status arrives live).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (mutation: () => Promise<{ readonly userErrors: readonly UserErrorLike[] }>) => {
    setBusy(true);
    setError(null);
    try {
      const { userErrors } = await mutation();
      setError(userErrors.map((userError) => userError.message).join(" ") || null);
    } catch (failure) {
      console.error("action failed", failure);
      setError(UNREACHABLE);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
