/**
 * `pnpm check:browser` (after the top-ups): the landing page in headless Chromium, served by
 * `main.ts` on the embedded default from packages/web/dist (`build:web` first). It checks that the
 * page is Persian and right to left, shows the catalog's plans in Persian digits, uses the
 * self-hosted Vazirmatn, requests nothing beyond 127.0.0.1, reads without JavaScript, works from the
 * keyboard, has no serious axe-core violation and keeps its compressed JavaScript under 100 KB.
 * Screenshots at 375 and 1280 px go to BROWSER_CHECK_OUT, else a new temporary directory.
 * Without Chromium (CHROMIUM_PATH, else /usr/bin/chromium) it says so and skips. See docs/web.md.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { seriousViolations } from "./browser-axe.ts";
import { startSandboxApi, type SandboxApi } from "./sandbox-api.ts";

const BUILT_PAGE = fileURLToPath(new URL("../packages/web/dist/index.html", import.meta.url));
const JS_BUDGET_BYTES = 100 * 1024;
const VIEWPORTS = [
  { name: "375", width: 375, height: 812 },
  { name: "1280", width: 1280, height: 900 },
] as const;

const persianNumber = new Intl.NumberFormat("fa-IR");

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

interface Plan {
  id: string;
  monthlyPrice: string;
}

async function catalogPlans(api: SandboxApi): Promise<Plan[]> {
  const response = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ plans { id monthlyPrice } }" }),
  });
  const body = (await response.json()) as { data?: { plans: Plan[] } };
  check(body.data && body.data.plans.length > 0, `the catalog has no plans: ${JSON.stringify(body)}`);
  return body.data.plans;
}

/**
 * Fails every request that would leave 127.0.0.1 (and records it), records what the page reports,
 * and weighs the JavaScript it loads as gzip would send it.
 */
function watch(page: Page) {
  const problems: string[] = [];
  const scripts = new Map<string, number>();
  void page.route("**/*", (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    if (protocol === "data:" || hostname === "127.0.0.1") return route.continue();
    problems.push(`request left 127.0.0.1: ${route.request().url()}`);
    return route.abort();
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.set(response.url(), gzipSync(await response.body(), { level: 9 }).length);
  });
  return { problems, scripts };
}

async function checkLivePage(browser: Browser, api: SandboxApi, plans: readonly Plan[], out: string) {
  const screenshots: string[] = [];
  for (const viewport of VIEWPORTS) {
    const page = await browser.newPage({ locale: "fa-IR", viewport });
    const seen = watch(page);
    try {
      await page.goto(`${api.url}/`);
      const html = page.locator("html");
      check((await html.getAttribute("dir")) === "rtl", "the page is not dir=rtl");
      check((await html.getAttribute("lang")) === "fa", "the page is not lang=fa");

      const cards = page.locator("[data-plan]");
      await cards.first().waitFor();
      check(
        (await cards.count()) === plans.length,
        `${await cards.count()} plans shown, ${plans.length} in the catalog`,
      );
      for (const plan of plans) {
        const price = `${persianNumber.format(BigInt(plan.monthlyPrice) / 10n)} تومان`;
        const text = (await page.locator(`[data-plan="${plan.id}"] .price`).textContent()) ?? "";
        check(text.includes(price), `plan ${plan.id} shows "${text}", expected "${price}"`);
        check(!/[0-9]/.test(text), `plan ${plan.id} shows Latin digits: "${text}"`);
      }

      const font = await page.evaluate<{ family: string; loaded: number }>(`document.fonts.ready.then(() => ({
        family: getComputedStyle(document.body).fontFamily,
        loaded: [...document.fonts].filter((f) => f.family.replace(/"/g, "") === "Vazirmatn" && f.status === "loaded").length,
      }))`);
      check(
        font.family.startsWith("Vazirmatn") && font.loaded > 0,
        `Vazirmatn is not in use: ${JSON.stringify(font)}`,
      );

      const violations = await seriousViolations(page);
      check(violations.length === 0, `axe-core at ${viewport.name} px: ${violations.join("; ")}`);

      const jsBytes = [...seen.scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
      check(
        jsBytes > 0 && jsBytes <= JS_BUDGET_BYTES,
        `${jsBytes} bytes of gzipped JavaScript (budget ${JS_BUDGET_BYTES})`,
      );
      check(seen.problems.length === 0, seen.problems.join("; "));

      const path = join(out, `landing-${viewport.name}.png`);
      await page.screenshot({ path, fullPage: true });
      screenshots.push(path);
      console.log(
        `OK ${viewport.name} px: ${plans.length} plans in Persian digits, Vazirmatn, no serious axe violation, ${jsBytes} bytes of gzipped JS`,
      );
    } finally {
      await page.close();
    }
  }
  return screenshots;
}

/** The skip link comes first, and a question of the FAQ opens with Enter. */
async function checkKeyboard(browser: Browser, api: SandboxApi) {
  const page = await browser.newPage({ locale: "fa-IR" });
  try {
    await page.goto(`${api.url}/`);
    await page.keyboard.press("Tab");
    const first = await page.evaluate<string | undefined>("document.activeElement?.textContent?.trim()");
    check(first === "رفتن به محتوا", `the first Tab stop is "${first}", not the skip link`);
    const question = page.locator("#faq summary").first();
    await question.focus();
    await page.keyboard.press("Enter");
    const opened = await page.locator("#faq details").first().getAttribute("open");
    check(opened !== null, "Enter did not open the FAQ");
    console.log("OK keyboard: skip link first, FAQ opens with Enter");
  } finally {
    await page.close();
  }
}

/** Without JavaScript the pre-rendered page still reads: heading, clouds, FAQ and the sign-up call. */
async function checkWithoutJavaScript(browser: Browser, api: SandboxApi) {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fa-IR" });
  try {
    const page = await context.newPage();
    await page.goto(`${api.url}/`);
    for (const heading of [
      "سرور ابری در سه ابر جهانی، با پرداخت ریالی",
      "سه ابر، یک کیف پول",
      "پرسش‌های پرتکرار",
      "همین امروز سرور بسازید",
    ])
      check(
        await page.getByRole("heading", { name: heading }).isVisible(),
        `without JavaScript, "${heading}" is missing`,
      );
    console.log("OK without JavaScript: the pre-rendered page reads");
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const executablePath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    console.log(
      `SKIPPED the landing page check: no Chromium at ${executablePath} (set CHROMIUM_PATH or apt-get install chromium)`,
    );
    return;
  }
  check(existsSync(BUILT_PAGE), `${BUILT_PAGE} is missing: run npx -y pnpm@12.21.0 build:web first`);
  const out =
    process.env["BROWSER_CHECK_OUT"] ?? (await mkdtemp(join(tmpdir(), "peykarband-landing-check-")));
  await mkdir(out, { recursive: true });
  const api = await startSandboxApi(join(out, "landing-api.log"));
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath });
    const plans = await catalogPlans(api);
    const screenshots = await checkLivePage(browser, api, plans, out);
    await checkKeyboard(browser, api);
    await checkWithoutJavaScript(browser, api);
    for (const path of screenshots) console.log(`     ${path}`);
  } finally {
    await browser?.close();
    await api.stop();
    console.log(`screenshots and landing-api.log in ${out}`);
  }
}

await main().catch((error: unknown) => {
  console.error(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
