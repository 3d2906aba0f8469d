import type { LedgerTransactionKind, PaymentGatewayName, Rial } from "@peykarband/domain";

/** What an entry's description is made of: its own fields and the details read for it. */
export interface DescribedEntry {
  readonly kind: LedgerTransactionKind;
  readonly amount: Rial;
  /** The stored English text, which also carries the words of a person (staff, a calling service). */
  readonly reason: string;
  readonly createdAt: Date;
  /** A TOP_UP's payment. */
  readonly payment: { readonly gateway: PaymentGatewayName; readonly referenceId: string | null } | null;
  /** The server of an order, a refund, a usage posting or a reseller's margin on it; null for other entries. */
  readonly server: {
    /** Null when the server cannot be read (not visible to the caller). */
    readonly name: string | null;
    /** Where a usage or VAT posting's window starts; it ends when the entry was posted. */
    readonly windowStart: Date | null;
  } | null;
}

const GATEWAYS: Readonly<Record<PaymentGatewayName, string>> = { ZARINPAL: "زرین‌پال", IDPAY: "آیدی‌پی" };

/** The labels of the kinds whose text is a person's words, shown after the label as written. */
const WRITTEN_BY_PEOPLE: Readonly<Partial<Record<LedgerTransactionKind, string>>> = {
  ADMIN_CREDIT: "واریز پشتیبانی",
  ADMIN_DEBIT: "برداشت پشتیبانی",
  DEBIT: "برداشت",
  REFUND: "بازپرداخت",
  REVERSAL: "برگشت",
};

// Jalali dates in Tehran's time, as the web's own (packages/web/src/dashboard/format/jalali.ts).
const jalali = new Intl.DateTimeFormat("fa-IR-u-ca-persian", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Asia/Tehran",
});
const persianDigits = (text: string) =>
  text.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

/**
 * The entry's text for a person in Persian (English is the stored `reason`), made from the kind and
 * the details, with Jalali dates and Persian digits; a person's own words (a staff adjustment's
 * reason) are kept as written, after the kind's Persian name.
 */
export function describeInPersian(entry: DescribedEntry): string {
  const { payment } = entry;
  if (entry.kind === "TOP_UP" && payment !== null) {
    const through = `افزایش موجودی با ${GATEWAYS[payment.gateway]}`;
    return payment.referenceId === null
      ? through
      : `${through}، شمارهٔ پیگیری بانک ${persianDigits(payment.referenceId)}`;
  }
  if (entry.kind === "RESELLER_TRANSFER") return "واریز نماینده به کیف پول شما";
  if (entry.server !== null) {
    const server = entry.server.name === null ? "سرور" : `سرور «${entry.server.name}»`;
    const start = entry.server.windowStart;
    const window = start === null ? "" : ` از ${jalali.format(start)} تا ${jalali.format(entry.createdAt)}`;
    if (entry.kind === "DEBIT") return `ساعت نخست ${server}، پرداخت هنگام سفارش`;
    if (entry.kind === "REFUND") return `${server} ساخته نشد؛ هزینهٔ ساعت نخست بازگشت`;
    if (entry.kind === "RESELLER_MARGIN")
      return entry.amount.isPositive()
        ? `سهم شما از مصرف ${server}${window}`
        : `بازگشت سهم شما از پیش‌پرداخت مصرف‌نشدهٔ ${server}${window}`;
    if (entry.kind === "VAT") return `مالیات بر ارزش افزودهٔ مصرف ${server}${window}`;
    if (entry.kind === "USAGE")
      return entry.amount.isPositive()
        ? `مصرف ${server}${window}؛ پیش‌پرداخت مصرف‌نشده بازگشت`
        : `مصرف ${server}${window}`;
  }
  const label = WRITTEN_BY_PEOPLE[entry.kind];
  return label === undefined ? entry.reason : `${label}: ${entry.reason}`;
}
