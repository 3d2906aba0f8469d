/**
 * `pnpm check:browser` (after the landing page): the customer's whole journey in headless Chromium,
 * against `main.ts` on the embedded default serving packages/web/dist (`build:web` first). From the
 * landing page's call to action: sign up (a refused password first, its Persian message beside the
 * field), top up through the Zarinpal simulator's page and back, order a server with its price and
 * forecast and an SSH key added before, see it ACTIVE live (over the WebSocket: no GraphQL request
 * meanwhile), power it off and on, reboot, resize, rebuild and delete it (the last two after their
 * dialogs); turn 2FA on from its QR code and sign in again with a recovery code; create and revoke an
 * API key; no invoice yet, then the month closed (close-month.ts) and the invoice's PDF downloaded.
 * Every page is checked with axe-core and photographed at 375 and 1280 px into BROWSER_CHECK_OUT
 * (else a new temporary directory). The landing page must load none of the dashboard's scripts.
 * Without Chromium (CHROMIUM_PATH, else /usr/bin/chromium) it says so and skips. See docs/web.md.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { apiKeys, signUp, sshKey, twoFactor } from "./dashboard-journey/account-steps.ts";
import { closeThisMonth } from "./dashboard-journey/close-month.ts";
import { invoices } from "./dashboard-journey/invoice-steps.ts";
import { check, startJourney } from "./dashboard-journey/journey.ts";
import { ledgerInPersian, order, serverLife, topUp } from "./dashboard-journey/server-steps.ts";
import { startSandboxApi, type SandboxApi } from "./sandbox-api.ts";

const BUILT_APP = fileURLToPath(new URL("../packages/web/dist/app/index.html", import.meta.url));

async function walk(
  browser: Browser,
  api: SandboxApi,
  out: string,
  monthEnds: () => Promise<void>,
): Promise<string[]> {
  const page = await browser.newPage({ locale: "fa-IR", viewport: { width: 1280, height: 900 } });
  const journey = startJourney(page, api, out, `journey-${randomUUID()}@example.com`);
  try {
    await signUp(journey);
    await topUp(journey);
    await sshKey(journey);
    await order(journey);
    await serverLife(journey);
    await ledgerInPersian(journey);
    await twoFactor(journey);
    await apiKeys(journey);
    await invoices(journey, monthEnds);
    check(journey.seen.problems.length === 0, journey.seen.problems.join("; "));
    return journey.shots;
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const executablePath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    console.log(
      `SKIPPED the dashboard journey: no Chromium at ${executablePath} (set CHROMIUM_PATH or apt-get install chromium)`,
    );
    return;
  }
  check(existsSync(BUILT_APP), `${BUILT_APP} is missing: run npx -y pnpm@12.21.0 build:web first`);
  const out =
    process.env["BROWSER_CHECK_OUT"] ?? (await mkdtemp(join(tmpdir(), "peykarband-dashboard-check-")));
  await mkdir(out, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), "peykarband-dashboard-data-"));
  let api = await startSandboxApi(join(out, "dashboard-api.log"), { dataDir });
  // The month's end, without waiting for it: the API stops, the month-close runs on its database
  // in this process, and the API starts again on the same origin, so the page's session still holds.
  const monthEnds = async () => {
    await api.stop();
    console.log(`OK month closed: ${await closeThisMonth(dataDir)}`);
    api = await startSandboxApi(join(out, "dashboard-api-next-month.log"), { dataDir, port: api.port });
  };
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath });
    for (const path of await walk(browser, api, out, monthEnds)) console.log(`     ${path}`);
  } finally {
    await browser?.close();
    await api.stop();
    await rm(dataDir, { recursive: true, force: true });
    console.log(`screenshots and dashboard-api*.log in ${out}`);
  }
}

await main().catch((error: unknown) => {
  console.error(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
