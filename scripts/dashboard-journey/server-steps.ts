import { check, look, openFromMenu, type Journey } from "./journey.ts";

/** A ceiling for the simulated cloud to build, power off, resize and delete; the check waits for the DOM. */
const SERVER_STEP_TIMEOUT_MS = 180_000;
const TOP_UP_TOMANS = 2_000_000;

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
  const date = (await page.locator('[data-entry-kind="TOP_UP"] td').first().textContent()) ?? "";
  check(
    /۱۴[۰-۹]{2}/.test(date) && !/[0-9]/.test(date),
    `the ledger's date is not Jalali in Persian digits: "${date}"`,
  );
  console.log(`OK topped up ${rials} rials through the Zarinpal simulator; ledger dated "${date}"`);
  await look(journey, "wallet");
}

export async function order(journey: Journey) {
  const { page } = journey;
  await openFromMenu(journey, "سفارش سرور", "/app/order");
  const price = page.locator("[data-order-price]");
  await price.waitFor();
  const text = (await price.textContent()) ?? "";
  check(text.includes("تومان") && text.includes("تا حدود"), `no price and forecast: "${text}"`);
  await page.getByLabel("نام سرور").fill("web-1");
  console.log(`OK the order form shows "${text}"`);
  await look(journey, "order");
}

async function waitForStatus({ page }: Journey, status: string) {
  await page.locator(`[data-server] [data-status="${status}"]`).waitFor({ timeout: SERVER_STEP_TIMEOUT_MS });
}

/** Ordered, ACTIVE seen live without polling, powered off, resized, deleted after the dialog. */
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

  const planId = await page.getByLabel("اندازهٔ تازه").inputValue();
  await page.getByRole("button", { name: "تغییر اندازه" }).click();
  await page.locator(`[data-server] [data-plan-id="${planId}"]`).waitFor({ timeout: SERVER_STEP_TIMEOUT_MS });
  await page.locator('[data-server] [data-status="OFF"], [data-server] [data-status="ACTIVE"]').waitFor({
    timeout: SERVER_STEP_TIMEOUT_MS,
  });
  console.log(`OK resized to plan ${planId}`);

  await page.getByRole("button", { name: "حذف سرور" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await look(journey, "delete-dialog");
  await dialog.getByRole("button", { name: "بله، حذف شود" }).click();
  await waitForStatus(journey, "DELETED");
  console.log("OK deleted after the confirmation dialog");
}
