import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { check, look, openFromMenu, type Journey } from "./journey.ts";

const PERSIAN_DIGITS = /[۰-۹]/g;
const latinDigits = (text: string) => text.replace(PERSIAN_DIGITS, (d) => String(d.charCodeAt(0) - 0x06f0));

/** The invoice's text through poppler's pdftotext, or null when it is not installed. */
function pdfText(file: string): string | null {
  const run = spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  if (run.error !== undefined) return null;
  check(run.status === 0, `pdftotext could not read the invoice: ${run.stderr}`);
  return run.stdout;
}

/**
 * The invoices page before any month has ended (none yet); then `monthEnds` closes this month as
 * the worker would, and a month later the customer finds the invoice and downloads its PDF.
 */
export async function invoices(journey: Journey, monthEnds: () => Promise<void>) {
  const { page, api } = journey;
  await openFromMenu(journey, "صورتحساب‌ها", "/app/invoices");
  await page.getByText("هنوز صورتحسابی ندارید").waitFor();
  await look(journey, "invoices-none");

  // Leaves the dashboard first, so that its live connection does not watch the API go away.
  await page.goto("about:blank");
  await monthEnds();
  await page.goto(`${api.url}/app/invoices`);
  const row = page.locator("[data-invoice]").first();
  await row.waitFor();
  const number = (await row.getAttribute("data-invoice")) ?? "";
  await look(journey, "invoices");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("link", { name: `دریافت PDF صورتحساب ${number}` }).click(),
  ]);
  const file = await download.path();
  const bytes = await readFile(file);
  check(bytes.subarray(0, 5).toString("latin1") === "%PDF-", `invoice ${number} downloaded is not a PDF`);
  const text = pdfText(file);
  if (text === null) {
    console.log(`OK invoice ${number} downloaded as a PDF (${bytes.length} bytes); no pdftotext to read it`);
    return;
  }
  check(
    latinDigits(text).includes(number),
    `the PDF of invoice ${number} does not show its number: ${text.slice(0, 300)}`,
  );
  console.log(`OK invoice ${number} downloaded as a PDF (${bytes.length} bytes) showing its number`);
}
