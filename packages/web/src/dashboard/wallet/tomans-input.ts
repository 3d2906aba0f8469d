import { latinDigits } from "../forms/field-errors.ts";

/** Tomans as typed (Persian digits and separators allowed) to the rials the API takes; "" when not a number. */
export function rialsFromTomans(typed: string): string {
  const digits = latinDigits(typed).replace(/[,٬\s]/g, "");
  return /^\d+$/.test(digits) ? `${digits}0` : "";
}
