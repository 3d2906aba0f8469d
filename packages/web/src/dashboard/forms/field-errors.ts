/** A mutation's `userErrors` as the API returns them (messages in Persian: the client asks for fa). */
export interface UserErrorLike {
  readonly field: readonly string[] | null;
  readonly message: string;
}

/** Messages by input field name (the last segment of `field`); errors about no one field under `form`. */
export type FieldErrors = Readonly<Record<string, string>>;

export const FORM = "form";

export function fieldErrors(userErrors: readonly UserErrorLike[]): FieldErrors {
  const byField: Record<string, string> = {};
  for (const error of userErrors) {
    const name = error.field?.at(-1) ?? FORM;
    byField[name] = byField[name] ? `${byField[name]} ${error.message}` : error.message;
  }
  return byField;
}

/** Persian and Arabic-Indic digits as typed on a Persian keyboard, to the Latin digits the API reads. */
export function latinDigits(text: string): string {
  return text.replace(/[۰-۹٠-٩]/g, (digit) => String(digit.charCodeAt(0) % 16));
}
