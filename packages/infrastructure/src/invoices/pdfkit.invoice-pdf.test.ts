import type { Invoice } from "@peykarband/application";
import { invoicePeriod } from "@peykarband/domain";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PdfkitInvoicePdf } from "./pdfkit.invoice-pdf.ts";

const AZAR = invoicePeriod({ year: 1405, month: 9 });
const invoice: Invoice = {
  id: "0193a000-0000-7000-8000-000000000001",
  number: "1405-000123",
  userId: "0193a000-0000-7000-8000-000000000002",
  buyerEmail: "reza@example.com",
  month: { year: 1405, month: 9 },
  periodStart: AZAR.start,
  periodEnd: AZAR.end,
  issuedAt: new Date("2026-12-22T21:00:00Z"),
  seller: {
    name: "پیکربند",
    nationalId: "10100000000",
    economicCode: "411100000000",
    address: "تهران، خیابان آزادی",
  },
  vatRate: 1000,
  lines: [
    {
      serverId: "s1",
      serverName: "web-1",
      planId: "hz-cx22",
      regionId: "fsn1",
      provider: "HETZNER",
      seconds: 649_800n,
      amountRials: 1_805_000n,
      vatRials: 180_500n,
    },
  ],
  statement: [
    {
      at: new Date("2026-12-01T10:00:00Z"),
      kind: "TOP_UP",
      reason: "Top-up via Zarinpal",
      amountRials: 5_000_000n,
    },
  ],
  subtotalRials: 1_805_000n,
  vatRials: 180_500n,
  totalRials: 1_985_500n,
};

// Debian's poppler-utils: .ci/run installs it.
const dir = mkdtempSync(join(tmpdir(), "invoice-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the invoice PDF (pdfkit, Vazirmatn)", () => {
  it("extracts as Persian words and numbers in logical order, letters joined, amounts in rials and toman", async () => {
    const pdf = await new PdfkitInvoicePdf().render(invoice);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    const file = join(dir, "invoice.pdf");
    writeFileSync(file, pdf);
    // pdftotext marks embedded left-to-right runs with bidi controls (and moves a space or colon
    // across them): compare the words, not those marks.
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(
      /[\u200e\u200f\u202a-\u202e]/g,
      "",
    );
    const words = (expected: string) => new RegExp(expected.split(" ").join("[\\s:،]*"));
    expect(text).toContain("صورتحساب فروش خدمات");
    expect(text).toContain("آذر ۱۴۰۵");
    expect(text).toContain("۱۴۰۵-۰۰۰۱۲۳");
    expect(text).toContain("۱٬۸۰۵٬۰۰۰");
    expect(text).toContain("۱۸۰٬۵۰۰");
    expect(text).toMatch(words("مبلغ کل ۱٬۹۸۵٬۵۰۰ ریال معادل ۱۹۸٬۵۵۰ تومان"));
    expect(text).toMatch(words("شماره صورتحساب ۱۴۰۵-۰۰۰۱۲۳"));
    expect(text).toContain("۱۴۰۵/۰۹/۰۱");
    expect(text).toContain("2026-11-21");
    expect(text).toContain("hz-cx22");
    expect(text).toContain("reza@example.com");
    expect(text).toContain("web-1");
    expect(text).toContain("Top-up via Zarinpal");
    expect(text).toContain("مالیات بر ارزش افزوده");
    // The font is embedded: nothing depends on the reader's fonts.
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
    expect(fonts).toMatch(/Vazirmatn.*yes/);
  });
});
