/**
 * `pnpm check:browser` (after the landing page): the customer's whole journey in headless Chromium,
 * against `main.ts` on the embedded default serving packages/web/dist (`build:web` first). From the
 * landing page's call to action: sign up (a refused password first, its Persian message beside the
 * field), top up through the Zarinpal simulator's page and back, order a server with its price and
 * forecast, see it ACTIVE live (over the WebSocket: no GraphQL request meanwhile), power it off,
 * resize it and delete it after the confirmation dialog; 2FA set-up shows its QR code. Every
 * dashboard page is checked with axe-core and photographed at 375 and 1280 px into
 * BROWSER_CHECK_OUT (else a new temporary directory). The landing page must load none of the
 * dashboard's scripts. Without Chromium (CHROMIUM_PATH, else /usr/bin/chromium) it skips.
 * See docs/web.md.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { seriousViolations } from "./browser-axe.ts";
import { startSandboxApi, type SandboxApi } from "./sandbox-api.ts";

const BUILT_APP = fileURLToPath(new URL("../packages/web/dist/app/index.html", import.meta.url));
const WIDTHS = [375, 1280] as const;
/** A ceiling for the simulated cloud to build, power off, resize and delete; the check waits for the DOM. */
const SERVER_STEP_TIMEOUT_MS = 180_000;
const TOP_UP_TOMANS = 2_000_000;
const PASSWORD = "correct horse battery staple";

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** What a person would notice (script and console errors), and every GraphQL request over HTTP. */
function watch(page: Page) {
  const seen = {
    problems: [] as string[],
    graphqlRequests: 0,
    webSockets: [] as string[],
    scripts: [] as string[],
  };
  page.on("pageerror", (error) => seen.problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    const { url } = message.location();
    if (message.type() === "error" && !url.endsWith("/favicon.ico"))
      seen.problems.push(`console error at ${url}: ${message.text()}`);
  });
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/graphql") seen.graphqlRequests += 1;
    if (request.resourceType() === "script") seen.scripts.push(new URL(request.url()).pathname);
  });
  page.on("websocket", (socket) => seen.webSockets.push(socket.url()));
  return seen;
}

/** axe-core and a screenshot at both widths, then back to the wide one. */
async function look(page: Page, out: string, name: string, shots: string[]) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const violations = await seriousViolations(page);
    check(violations.length === 0, `${name} at ${width} px, axe-core: ${violations.join("; ")}`);
    const path = join(out, `dashboard-${name}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    shots.push(path);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  console.log(`OK ${name}: no serious axe violation at 375 and 1280 px`);
}

async function signUp(page: Page, api: SandboxApi, seen: ReturnType<typeof watch>) {
  await page.goto(`${api.url}/`);
  check(
    !seen.scripts.some((path) => path.includes("dashboard")),
    `the landing page loaded ${seen.scripts.join(", ")}`,
  );
  await page.locator("#signup").getByRole("link", { name: "ساخت حساب" }).click();
  await page.waitForURL(`${api.url}/app/signup`);
  await page.getByLabel("ایمیل").fill(`journey-${randomUUID()}@example.com`);
  await page.getByLabel("رمز عبور").fill("short");
  await page.getByRole("button", { name: "ساخت حساب" }).click();
  const error = page.locator("#field-password-error");
  await error.waitFor();
  const message = (await error.textContent()) ?? "";
  check(/[\u0600-\u06FF]/.test(message), `the password's error is not in Persian: "${message}"`);
  check(
    (await page.getByLabel("رمز عبور").getAttribute("aria-invalid")) === "true",
    "the refused password is not marked invalid",
  );
  console.log(`OK sign-up refused a short password beside the field: "${message}"`);
}

async function topUp(page: Page, api: SandboxApi) {
  await page.getByLabel("مبلغ (تومان)").fill(new Intl.NumberFormat("fa-IR").format(TOP_UP_TOMANS));
  await page.getByLabel("زرین‌پال").check();
  await page.getByRole("button", { name: "پرداخت", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/app/"));
  await page.getByRole("button", { name: "پرداخت", exact: true }).click();
  await page.waitForURL((url) => url.origin === api.url && url.pathname === "/payments/result");
  await page.getByRole("link", { name: "بازگشت به کیف پول" }).click();
  await page.waitForURL(`${api.url}/app/wallet`);
  const rials = String(TOP_UP_TOMANS * 10);
  await page.locator(`[data-balance="${rials}"]`).waitFor();
  await page.locator('[data-entry-kind="TOP_UP"]').waitFor();
  const date = (await page.locator('[data-entry-kind="TOP_UP"] td').first().textContent()) ?? "";
  check(
    /۱۴[۰-۹]{2}/.test(date) && !/[0-9]/.test(date),
    `the ledger's date is not Jalali in Persian digits: "${date}"`,
  );
  console.log(`OK topped up ${rials} rials through the Zarinpal simulator; ledger dated "${date}"`);
}

async function order(page: Page, api: SandboxApi) {
  await page
    .getByRole("navigation", { name: "پنل کاربری" })
    .getByRole("link", { name: "سفارش سرور" })
    .click();
  await page.waitForURL(`${api.url}/app/order`);
  const price = page.locator("[data-order-price]");
  await price.waitFor();
  const text = (await price.textContent()) ?? "";
  check(text.includes("تومان") && text.includes("تا حدود"), `no price and forecast: "${text}"`);
  await page.getByLabel("نام سرور").fill("web-1");
  return text;
}

async function waitForStatus(page: Page, status: string) {
  await page.locator(`[data-server] [data-status="${status}"]`).waitFor({ timeout: SERVER_STEP_TIMEOUT_MS });
}

async function serverLife(
  page: Page,
  api: SandboxApi,
  seen: ReturnType<typeof watch>,
  out: string,
  shots: string[],
) {
  await page.getByRole("button", { name: "سفارش و پرداخت از کیف پول" }).click();
  await page.waitForURL(`${api.url}/app/servers`);
  await page.locator("[data-server]").waitFor();
  const requestsBefore = seen.graphqlRequests;
  await waitForStatus(page, "ACTIVE");
  check(
    seen.graphqlRequests === requestsBefore,
    `${seen.graphqlRequests - requestsBefore} GraphQL requests over HTTP while waiting: polling`,
  );
  check(
    seen.webSockets.some((url) => url.endsWith("/graphql")),
    "no WebSocket to /graphql was opened",
  );
  console.log("OK the server turned ACTIVE live over the WebSocket, without a GraphQL request meanwhile");
  await look(page, out, "servers-active", shots);

  await page.getByRole("button", { name: "خاموش کردن" }).click();
  await waitForStatus(page, "OFF");
  console.log("OK powered off");

  const resize = page.getByLabel("اندازهٔ تازه");
  const planId = await resize.inputValue();
  await page.getByRole("button", { name: "تغییر اندازه" }).click();
  await page.locator(`[data-server] [data-plan-id="${planId}"]`).waitFor({ timeout: SERVER_STEP_TIMEOUT_MS });
  await page.locator('[data-server] [data-status="OFF"], [data-server] [data-status="ACTIVE"]').waitFor({
    timeout: SERVER_STEP_TIMEOUT_MS,
  });
  console.log(`OK resized to plan ${planId}`);

  await page.getByRole("button", { name: "حذف سرور" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await look(page, out, "delete-dialog", shots);
  await dialog.getByRole("button", { name: "بله، حذف شود" }).click();
  await waitForStatus(page, "DELETED");
  console.log("OK deleted after the confirmation dialog");
}

async function twoFactorSetUp(page: Page, api: SandboxApi, out: string, shots: string[]) {
  await page.getByRole("navigation", { name: "پنل کاربری" }).getByRole("link", { name: "امنیت" }).click();
  await page.waitForURL(`${api.url}/app/security`);
  await page.getByLabel("رمز عبور کنونی").fill(PASSWORD);
  await page.getByRole("button", { name: "شروع فعال‌سازی" }).click();
  const qr = page.getByRole("img", { name: "کد QR برای برنامهٔ احراز هویت" });
  await qr.waitFor();
  // Decoded means the data: URL passed the Content-Security-Policy and is a valid SVG.
  await page.waitForFunction("document.querySelector('img.qr')?.naturalWidth > 0");
  console.log("OK 2FA set-up shows its QR code");
  await look(page, out, "two-factor", shots);
}

async function journey(browser: Browser, api: SandboxApi, out: string) {
  const shots: string[] = [];
  const page = await browser.newPage({ locale: "fa-IR", viewport: { width: 1280, height: 900 } });
  const seen = watch(page);
  try {
    await signUp(page, api, seen);
    await look(page, out, "sign-up-refused", shots);
    await page.getByLabel("رمز عبور").fill(PASSWORD);
    await page.getByRole("button", { name: "ساخت حساب" }).click();
    await page.waitForURL(`${api.url}/app/wallet`);
    await page.locator("[data-balance]").waitFor();
    await look(page, out, "wallet-empty", shots);
    await topUp(page, api);
    await look(page, out, "wallet", shots);
    const price = await order(page, api);
    console.log(`OK the order form shows "${price}"`);
    await look(page, out, "order", shots);
    await serverLife(page, api, seen, out, shots);
    await twoFactorSetUp(page, api, out, shots);
    check(seen.problems.length === 0, seen.problems.join("; "));
    return shots;
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const executablePath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    console.log(`SKIPPED the dashboard journey: no Chromium at ${executablePath} (set CHROMIUM_PATH)`);
    return;
  }
  check(existsSync(BUILT_APP), `${BUILT_APP} is missing: run npx -y pnpm@12.21.0 build:web first`);
  const out =
    process.env["BROWSER_CHECK_OUT"] ?? (await mkdtemp(join(tmpdir(), "peykarband-dashboard-check-")));
  await mkdir(out, { recursive: true });
  const api = await startSandboxApi(join(out, "dashboard-api.log"));
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath });
    for (const path of await journey(browser, api, out)) console.log(`     ${path}`);
  } finally {
    await browser?.close();
    await api.stop();
    console.log(`screenshots and dashboard-api.log in ${out}`);
  }
}

await main().catch((error: unknown) => {
  console.error(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
