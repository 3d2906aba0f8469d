const wholeNumber = new Intl.NumberFormat("fa-IR");
// One decimal place: a price in rials that is not a multiple of ten is a tenth of a toman.
const tomanNumber = new Intl.NumberFormat("fa-IR", { maximumFractionDigits: 1 });

/** A count in Persian digits with Persian thousands separators: 12345 → ۱۲٬۳۴۵. */
export function persianNumber(value: number | bigint): string {
  return wholeNumber.format(value);
}

/** Rials (the API's decimal string) as rials, for people: "۱۲٬۳۴۵ ریال". */
export function formatRials(rials: string): string {
  return `${wholeNumber.format(BigInt(rials))} ریال`;
}

/** Rials (the API's decimal string) as tomans, the unit people quote prices in: ten rials a toman. */
export function formatTomans(rials: string): string {
  const amount = BigInt(rials);
  // The sign apart: BigInt's remainder keeps it, and "-0.-3" is not a number.
  const size = amount < 0n ? -amount : amount;
  const decimal = `${amount < 0n ? "-" : ""}${size / 10n}.${size % 10n}` as `${number}`;
  return `${tomanNumber.format(decimal)} تومان`;
}

/** Memory from MiB, in the unit a plan is sold by: "۵۱۲ مگابایت", "۲ گیگابایت". */
export function formatMemory(memoryMb: number): string {
  return memoryMb < 1024
    ? `${persianNumber(memoryMb)} مگابایت`
    : `${tomanNumber.format(memoryMb / 1024)} گیگابایت`;
}
