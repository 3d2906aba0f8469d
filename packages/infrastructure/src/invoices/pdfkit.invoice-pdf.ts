import type { Invoice, InvoicePdfRenderer } from "@peykarband/application";
import { jalaliDateLabel, jalaliMonthLabel, persianAmount, toPersianDigits } from "@peykarband/domain";
import { createRequire } from "node:module";
import type PDFDocument from "pdfkit";
import { forRtlLayout, rtlWords } from "./rtl-text.ts";

const require = createRequire(import.meta.url);
// The font ships in the npm package: nothing is fetched at run time.
const REGULAR = require.resolve("vazirmatn/fonts/ttf/Vazirmatn-Regular.ttf");
const BOLD = require.resolve("vazirmatn/fonts/ttf/Vazirmatn-Bold.ttf");

const PAGE = { width: 595.28, margin: 40 };
const RIGHT = PAGE.width - PAGE.margin;
const WIDTH = PAGE.width - 2 * PAGE.margin;

const gregorian = (date: Date): string => date.toISOString().slice(0, 10);
const hours = (seconds: bigint): string =>
  toPersianDigits((Number(seconds) / 3600).toFixed(2).replace(".", "/"));
const rialsAndToman = (rials: bigint): string =>
  `${persianAmount(rials)} ریال، معادل ${persianAmount(rials / 10n)} تومان`;

type Doc = InstanceType<typeof PDFDocument>;

/** Draws one line right-aligned at `right`, a word at a time (see rtl-text.ts); returns its height. */
function drawRtl(doc: Doc, text: string, right: number, y: number, font: string, size: number): number {
  doc.font(font).fontSize(size);
  const space = doc.widthOfString(" ");
  let x = right;
  for (const word of rtlWords(text)) {
    const shaped = forRtlLayout(word);
    const width = doc.widthOfString(shaped);
    x -= width;
    doc.text(shaped, x, y, { lineBreak: false });
    x -= space;
  }
  return doc.currentLineHeight(true);
}

/** The invoice on A4 with pdfkit: right to left, Vazirmatn embedded, Persian digits. */
export class PdfkitInvoicePdf implements InvoicePdfRenderer {
  async render(invoice: Invoice): Promise<Uint8Array> {
    // Loaded on the first invoice, not at start: pdfkit and its font engine are a large load.
    const { default: PDFDocument } = await import("pdfkit");
    const doc = new PDFDocument({
      size: "A4",
      margin: PAGE.margin,
      info: { Title: `Invoice ${invoice.number ?? "upcoming"}`, Author: invoice.seller.name },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Uint8Array>((resolve, reject) => {
      doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
      doc.on("error", reject);
    });
    doc.registerFont("regular", REGULAR);
    doc.registerFont("bold", BOLD);
    let y = PAGE.margin;
    const line = (text: string, options: { size?: number; bold?: boolean } = {}) => {
      y += drawRtl(doc, text, RIGHT, y, options.bold ? "bold" : "regular", options.size ?? 10) + 2;
    };
    const rule = () => {
      y += 4;
      doc.moveTo(PAGE.margin, y).lineTo(RIGHT, y).lineWidth(0.5).stroke("#888888");
      y += 6;
    };

    const title = invoice.number ? "صورتحساب فروش خدمات" : "پیش‌نمایش صورتحساب ماه جاری (صادر نشده)";
    line(title, { size: 18, bold: true });
    line(`دوره: ${jalaliMonthLabel(invoice.month)}`, { size: 12 });
    const lastDay = new Date(invoice.periodEnd.getTime() - 1);
    line(
      `از ${jalaliDateLabel(invoice.periodStart)} تا ${jalaliDateLabel(lastDay)}، میلادی ${gregorian(invoice.periodStart)} تا ${gregorian(lastDay)}`,
    );
    if (invoice.number) line(`شماره صورتحساب: ${toPersianDigits(invoice.number)}`, { bold: true });
    if (invoice.issuedAt) {
      line(`تاریخ صدور: ${jalaliDateLabel(invoice.issuedAt)}، میلادی ${gregorian(invoice.issuedAt)}`);
    }
    rule();
    line("فروشنده", { bold: true, size: 12 });
    line(`نام: ${invoice.seller.name}`);
    line(`شناسه ملی: ${toPersianDigits(invoice.seller.nationalId)}`);
    line(`کد اقتصادی: ${toPersianDigits(invoice.seller.economicCode)}`);
    line(`نشانی: ${invoice.seller.address}`);
    rule();
    line("خریدار", { bold: true, size: 12 });
    line(`ایمیل: ${invoice.buyerEmail}`);
    rule();

    // Columns from the right: server, plan, region, hours, amount.
    const columns = [
      { title: "سرور", width: 0.22 },
      { title: "پلن", width: 0.19 },
      { title: "منطقه", width: 0.26 },
      { title: "ساعت", width: 0.11 },
      { title: "مبلغ به ریال", width: 0.22 },
    ];
    const row = (cells: string[], bold = false) => {
      let right = RIGHT;
      let height = 0;
      cells.forEach((cell, i) => {
        height = Math.max(height, drawRtl(doc, cell, right - 4, y, bold ? "bold" : "regular", 9));
        right -= columns[i]!.width * WIDTH;
      });
      y += height + 3;
    };
    line("خدمات این دوره", { bold: true, size: 12 });
    row(
      columns.map((c) => c.title),
      true,
    );
    for (const item of invoice.lines) {
      row([
        item.serverName,
        item.planId,
        `${item.regionId}/${item.provider}`,
        hours(item.seconds),
        persianAmount(item.amountRials),
      ]);
    }
    if (invoice.lines.length === 0) line("در این دوره سروری کارکرد نداشت.");
    rule();
    const vatPercent = toPersianDigits(String(invoice.vatRate / 100)).replace(".", "/");
    line(`جمع: ${rialsAndToman(invoice.subtotalRials)}`);
    line(`مالیات بر ارزش افزوده ${vatPercent}٪: ${rialsAndToman(invoice.vatRials)}`);
    line(`مبلغ کل: ${rialsAndToman(invoice.totalRials)}`, { bold: true, size: 12 });
    rule();
    if (invoice.statement.length > 0) {
      line("گردش کیف پول در این دوره، برای اطلاع", { bold: true, size: 11 });
      for (const movement of invoice.statement) {
        line(
          `${jalaliDateLabel(movement.at)} — ${movement.reason} — ${persianAmount(movement.amountRials < 0n ? -movement.amountRials : movement.amountRials)} ریال ${movement.amountRials < 0n ? "برداشت" : "واریز"}`,
          { size: 9 },
        );
      }
    }
    doc.end();
    return done;
  }
}
