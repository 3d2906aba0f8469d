import { check, look, openFromMenu, type Journey } from "./journey.ts";

/** A ceiling for the simulated cloud to build, power off, resize and delete; the check waits for the DOM. */
const SERVER_STEP_TIMEOUT_MS = 180_000;
const TOP_UP_TOMANS = 2_000_000;
const SERVER_NAME = "web-1";

/** Through the Zarinpal simulator's page and back to the wallet, credited, with a Jalali-dated entry. */
export async function topUp(journey: Journey) {
  const { page, api } = journey;
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
  const entry = page.locator('[data-entry-kind="TOP_UP"]');
  const date = (await entry.locator("td").first().textContent()) ?? "";
  check(
    /۱۴[۰-۹]{2}/.test(date) && !/[0-9]/.test(date),
    `the ledger's date is not Jalali in Persian digits: "${date}"`,
  );
  const description = (await entry.locator("[data-description]").textContent()) ?? "";
  check(
    /^افزایش موجودی با زرین‌پال، شمارهٔ پیگیری بانک [۰-۹]+$/.test(description),
    `the top-up is not described in Persian: "${description}"`,
  );
  console.log(
    `OK topped up ${rials} rials through the Zarinpal simulator; ledger "${date}", "${description}"`,
  );
  await look(journey, "wallet");
}

export async function order(journey: Journey) {
  const { page } = journey;
  await openFromMenu(journey, "سفارش سرور", "/app/order");
  const price = page.locator("[data-order-price]");
  await price.waitFor();
  const text = (await price.textContent()) ?? "";
  check(text.includes("تومان") && text.includes("تا حدود"), `no price and forecast: "${text}"`);
  await page.getByLabel("نام سرور").fill(SERVER_NAME);
  check(await page.getByLabel("laptop").isChecked(), "the account's SSH key is not offered for the server");
  console.log(`OK the order form shows "${text}"`);
  await look(journey, "order");
}

async function waitForStatus({ page }: Journey, status: string) {
  await page.locator(`[data-server] [data-status="${status}"]`).waitFor({ timeout: SERVER_STEP_TIMEOUT_MS });
}

/**
 * Ordered, ACTIVE seen live without polling; powered off and on again, rebooted, resized, rebuilt
 * and deleted, the last two after their dialogs.
 */
export async function serverLife(journey: Journey) {
  const { page, api, seen } = journey;
  await page.getByRole("button", { name: "سفارش و پرداخت از کیف پول" }).click();
  await page.waitForURL(`${api.url}/app/servers`);
  await page.locator("[data-server]").waitFor();
  const requestsBefore = seen.graphqlRequests;
  await waitForStatus(journey, "ACTIVE");
  check(
    seen.graphqlRequests === requestsBefore,
    `${seen.graphqlRequests - requestsBefore} GraphQL requests over HTTP while waiting: polling`,
  );
  check(
    seen.webSockets.some((url) => url.endsWith("/graphql")),
    "no WebSocket to /graphql was opened",
  );
  console.log("OK the server turned ACTIVE live over the WebSocket, without a GraphQL request meanwhile");
  await look(journey, "servers-active");

  await page.getByRole("button", { name: "خاموش کردن" }).click();
  await waitForStatus(journey, "OFF");
  console.log("OK powered off");
  await page.getByRole("button", { name: "روشن کردن" }).click();
  await waitForStatus(journey, "ACTIVE");
  console.log("OK powered on again");

  await page.getByRole("button", { name: "راه‌اندازی دوباره" }).click();
  await waitForStatus(journey, "REBOOTING");
  await waitForStatus(journey, "ACTIVE");
  console.log("OK rebooted: REBOOTING, then ACTIVE, seen live");

  const planId = await page.getByLabel("اندازهٔ تازه").inputValue();
  await page.getByRole("button", { name: "تغییر اندازه" }).click();
  await page.locator(`[data-server] [data-plan-id="${planId}"]`).waitFor({ timeout: SERVER_STEP_TIMEOUT_MS });
  await page.locator('[data-server] [data-status="OFF"], [data-server] [data-status="ACTIVE"]').waitFor({
    timeout: SERVER_STEP_TIMEOUT_MS,
  });
  console.log(`OK resized to plan ${planId}`);

  await rebuild(journey);
  await page.getByRole("button", { name: "حذف سرور" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await look(journey, "delete-dialog");
  await dialog.getByRole("button", { name: "بله، حذف شود" }).click();
  await waitForStatus(journey, "DELETED");
  console.log("OK deleted after the confirmation dialog");
}

/** Another image, installed only after the dialog warns that the disk is wiped. */
async function rebuild(journey: Journey) {
  const { page } = journey;
  const images = page.getByLabel("سیستم‌عامل");
  const current = await page.locator("[data-server] [data-image-id]").getAttribute("data-image-id");
  const offered = await images
    .locator("option")
    .evaluateAll((options) => options.map((option) => option.getAttribute("value")));
  const other = offered.find((id) => id !== null && id !== current);
  check(typeof other === "string", "no other image to rebuild the server with");
  await images.selectOption(other);
  await page.getByRole("button", { name: "نصب دوباره" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await look(journey, "rebuild-dialog");
  await dialog.getByRole("button", { name: "بله، نصب دوباره" }).click();
  await waitForStatus(journey, "REBUILDING");
  await page.locator(`[data-server] [data-image-id="${other}"]`).waitFor({ timeout: SERVER_STEP_TIMEOUT_MS });
  await waitForStatus(journey, "ACTIVE");
  await look(journey, "servers-rebuilt");
  console.log(`OK rebuilt with image ${other} after the confirmation dialog`);
}

/**
 * The wallet after the server's life: the top-up, the order's first hour and whatever usage and VAT
 * its changes of state have posted, described in Persian with Persian digits; the only Latin text
 * left is the server's own name.
 */
export async function ledgerInPersian(journey: Journey) {
  const { page } = journey;
  await openFromMenu(journey, "کیف پول", "/app/wallet");
  await page.locator('[data-entry-kind="DEBIT"]').first().waitFor();
  const descriptions = await page.locator("[data-description]").allTextContents();
  const notPersian = descriptions.filter((text) => /[A-Za-z0-9]/.test(text.replaceAll(SERVER_NAME, "")));
  check(notPersian.length === 0, `ledger entries not in Persian: ${notPersian.join(" | ")}`);
  const order = descriptions.find((text) => text.includes(`سرور «${SERVER_NAME}»`));
  check(order !== undefined, `no entry names the server: ${descriptions.join(" | ")}`);
  console.log(`OK ${descriptions.length} ledger entries described in Persian, such as "${order}"`);
  await look(journey, "wallet-after-server");
}
