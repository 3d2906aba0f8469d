/**
 * The Persian (Jalali, solar hijri) calendar as billing needs it: when each month begins, as an
 * instant, in Asia/Tehran time. Invoices are per Jalali month, so a month's cap runs from 00:00 on
 * its first day in Tehran to 00:00 on the next month's first day.
 *
 * Arithmetic only (the domain imports nothing): Borkowski's leap-year breaks, as used by most
 * Jalali libraries, which agree with the official calendar for the years billing can see.
 */

export interface JalaliMonth {
  readonly year: number;
  /** 1 (Farvardin) to 12 (Esfand). */
  readonly month: number;
}

/** The first year billing supports (1390 = 2011–2012); earlier instants count as one long month. */
export const FIRST_BILLING_YEAR = 1390;
const LAST_SUPPORTED_YEAR = 3177;

const BREAKS = [
  -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178,
];

const div = (a: number, b: number): number => Math.trunc(a / b);
const mod = (a: number, b: number): number => a - Math.trunc(a / b) * b;

/** The Gregorian year in which `jalaliYear` begins, the day of March it begins on, and whether it is leap. */
function yearStart(jalaliYear: number): { gregorianYear: number; marchDay: number; isLeap: boolean } {
  if (!Number.isInteger(jalaliYear) || jalaliYear < BREAKS[0]! || jalaliYear > LAST_SUPPORTED_YEAR) {
    throw new RangeError(`Jalali year out of range: ${jalaliYear}`);
  }
  const gregorianYear = jalaliYear + 621;
  let leapJ = -14;
  let jp = BREAKS[0]!;
  let jump = 0;
  for (let i = 1; i < BREAKS.length; i += 1) {
    const jm = BREAKS[i]!;
    jump = jm - jp;
    if (jalaliYear < jm) break;
    leapJ += div(jump, 33) * 8 + div(mod(jump, 33), 4);
    jp = jm;
  }
  let n = jalaliYear - jp;
  leapJ += div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
  if (mod(jump, 33) === 4 && jump - n === 4) leapJ += 1;
  const leapG = div(gregorianYear, 4) - div((div(gregorianYear, 100) + 1) * 3, 4) - 150;
  const marchDay = 20 + leapJ - leapG;
  if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
  let leap = mod(mod(n + 1, 33) - 1, 4);
  if (leap === -1) leap = 4;
  return { gregorianYear, marchDay, isLeap: leap === 0 };
}

const HOUR_MS = 3_600_000;

/**
 * Tehran's offset from UTC at 00:00 on the first day of `month`: +3:30, and +4:30 in the summer
 * months (Ordibehesht to Shahrivar) up to 1401, when Iran still moved its clocks (from 24:00 on
 * 1 Farvardin to 24:00 on 30 Shahrivar).
 */
const tehranOffsetMs = ({ year, month }: JalaliMonth): number =>
  year <= 1401 && month >= 2 && month <= 6 ? 4.5 * HOUR_MS : 3.5 * HOUR_MS;

/** The instant the month begins: 00:00 of its first day in Tehran. Month 13 is the next year's first. */
export function jalaliMonthStart(month: JalaliMonth): Date {
  if (month.month === 13) return jalaliMonthStart({ year: month.year + 1, month: 1 });
  if (!Number.isInteger(month.month) || month.month < 1 || month.month > 12) {
    throw new RangeError(`Jalali month out of range: ${month.month}`);
  }
  const { gregorianYear, marchDay } = yearStart(month.year);
  const days = month.month <= 7 ? 31 * (month.month - 1) : 186 + 30 * (month.month - 7);
  const midnightUtc = Date.UTC(gregorianYear, 2, marchDay + days);
  return new Date(midnightUtc - tehranOffsetMs(month));
}

/** Days in the month: 31 for the first six, 30 for the next five, Esfand 29 or, in a leap year, 30. */
export function jalaliMonthLength({ year, month }: JalaliMonth): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return yearStart(year).isLeap ? 30 : 29;
}

export const nextJalaliMonth = ({ year, month }: JalaliMonth): JalaliMonth =>
  month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };

/** The Jalali month an instant falls in, in Tehran time. */
export function jalaliMonthOf(instant: Date): JalaliMonth {
  const t = instant.getTime();
  // The Jalali year starts in March: the year began in this Gregorian year or the one before.
  let year = new Date(t).getUTCFullYear() - 621;
  if (jalaliMonthStart({ year, month: 1 }).getTime() > t) year -= 1;
  let month = 1;
  while (month < 12 && jalaliMonthStart({ year, month: month + 1 }).getTime() <= t) month += 1;
  return { year, month };
}

/** The instants the months of `[from, until]` begin at, oldest first (the month holding `from` included). */
export function jalaliMonthStartsBetween(from: Date, until: Date): Date[] {
  const starts: Date[] = [];
  for (
    let month = jalaliMonthOf(from);
    jalaliMonthStart(month).getTime() <= until.getTime();
    month = nextJalaliMonth(month)
  ) {
    starts.push(jalaliMonthStart(month));
  }
  return starts;
}

/**
 * Every month start billing may need to cap a month that ends by `until`: from 1 Farvardin of
 * FIRST_BILLING_YEAR to the start of the month after the one holding `until`. What the settlement
 * statement is given, so the database never needs its own calendar.
 */
export function billingMonthStarts(until: Date): Date[] {
  const next = nextJalaliMonth(jalaliMonthOf(until));
  return jalaliMonthStartsBetween(
    jalaliMonthStart({ year: FIRST_BILLING_YEAR, month: 1 }),
    jalaliMonthStart(next),
  );
}
