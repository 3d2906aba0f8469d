import type { LedgerEntryKind, WalletEntriesQuery } from "@peykarband/sdk";
import { formatTomans } from "../../format/persian-numbers.ts";
import { jalaliDateTime } from "../format/jalali.ts";

type Entry = NonNullable<WalletEntriesQuery["viewer"]>["wallet"]["entries"]["edges"][number]["node"];

const KINDS: Readonly<Record<LedgerEntryKind, string>> = {
  ADMIN_CREDIT: "واریز پشتیبانی",
  ADMIN_DEBIT: "برداشت پشتیبانی",
  DEBIT: "برداشت",
  REFUND: "بازپرداخت",
  RESELLER_MARGIN: "سهم نماینده از فروش",
  RESELLER_TRANSFER: "انتقال از نماینده",
  REVERSAL: "برگشت",
  TOP_UP: "افزایش موجودی",
  USAGE: "هزینهٔ مصرف",
  VAT: "مالیات بر ارزش افزوده",
};

/** The wallet's statement, dated in the Jalali calendar, each entry described by the API in Persian. */
export function Ledger({ entries }: { readonly entries: readonly Entry[] }) {
  if (entries.length === 0) return <p>هنوز تراکنشی ثبت نشده است.</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption>گردش کیف پول</caption>
        <thead>
          <tr>
            <th scope="col">تاریخ</th>
            <th scope="col">نوع</th>
            <th scope="col">مبلغ</th>
            <th scope="col">شرح</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-entry-kind={entry.kind}>
              <td>{jalaliDateTime(entry.createdAt)}</td>
              <td>{KINDS[entry.kind]}</td>
              <td class="amount">{formatTomans(entry.amount)}</td>
              <td data-description>{entry.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
