import { useState } from "preact/hooks";
import { FORM, type FieldErrors } from "./field-errors.ts";

const UNREACHABLE = "ارتباط با سرور برقرار نشد؛ کمی بعد دوباره تلاش کنید.";

/**
 * A form's submit handler: reads the form, runs `action` and keeps the field errors it returns.
 * A rejection (network, a top-level error) is shown as one form-wide message.
 */
export function useSubmit(action: (data: FormData) => Promise<FieldErrors | void>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setBusy(true);
    try {
      setErrors((await action(new FormData(form))) ?? {});
    } catch (error) {
      console.error("request failed", error);
      setErrors({ [FORM]: UNREACHABLE });
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, onSubmit };
}

/** A text field of a submitted form as typed (passwords keep their spaces); empty when absent. */
export function textOf(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
}
