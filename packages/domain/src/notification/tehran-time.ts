import { jalaliMonthOf, jalaliMonthStart } from "../billing/jalali-calendar.ts";
import { toPersianDigits } from "../shared/digits.ts";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const TEHRAN_OFFSET_MS = 3.5 * 60 * MINUTE_MS;

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * "۱۴۰۵/۰۷/۲۳ ساعت ۱۱:۳۰" in Tehran time. The day and the clock are counted from the Jalali month's
 * first midnight in Tehran, which is right since Iran stopped moving its clocks (1402).
 */
export function persianDateTime(instant: Date): string {
  const month = jalaliMonthOf(instant);
  const sinceStart = instant.getTime() - jalaliMonthStart(month).getTime();
  const day = Math.floor(sinceStart / DAY_MS) + 1;
  const minutes = Math.floor((sinceStart % DAY_MS) / MINUTE_MS);
  const text = `${month.year}/${pad(month.month)}/${pad(day)} ساعت ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  return toPersianDigits(text);
}

/** "2026-10-15 11:30 Tehran time": Gregorian, the wall clock in Tehran (UTC+3:30). */
export function englishDateTime(instant: Date): string {
  const iso = new Date(instant.getTime() + TEHRAN_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} Tehran time`;
}
