import { generate } from "otplib";
import { check, look, openFromMenu, PASSWORD, type Journey } from "./journey.ts";

/** A real OpenSSH public key line (made once with ssh-keygen for this check; its private half is gone). */
const SSH_PUBLIC_KEY =
  "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMg1L2WaD1vrmjP2OIgmeGLqFdRkGrMPeJWFMj0A9c7f journey";

/**
 * From the landing page's call to action to the wallet: a short password is refused with the API's
 * Persian message beside the field, then the account is made. The landing page loads no dashboard script.
 */
export async function signUp(journey: Journey) {
  const { page, api, seen, email } = journey;
  await page.goto(`${api.url}/`);
  check(
    !seen.scripts.some((path) => path.includes("dashboard")),
    `the landing page loaded ${seen.scripts.join(", ")}`,
  );
  await page.locator("#signup").getByRole("link", { name: "ساخت حساب" }).click();
  await page.waitForURL(`${api.url}/app/signup`);
  await page.getByLabel("ایمیل").fill(email);
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
  await look(journey, "sign-up-refused");

  await page.getByLabel("رمز عبور").fill(PASSWORD);
  await page.getByRole("button", { name: "ساخت حساب" }).click();
  await page.waitForURL(`${api.url}/app/wallet`);
  await page.locator("[data-balance]").waitFor();
  await look(journey, "wallet-empty");
}

/**
 * 2FA on: password, QR code (decoded, so the CSP let it through), the first code from the shown
 * secret, recovery codes once. Then out and in again: the password alone is not enough, a recovery
 * code is (a second TOTP code in the same 30 s would be refused as replayed).
 */
export async function twoFactor(journey: Journey) {
  const { page, api, email } = journey;
  await openFromMenu(journey, "امنیت", "/app/security");
  await page.getByLabel("رمز عبور کنونی").fill(PASSWORD);
  await page.getByRole("button", { name: "شروع فعال‌سازی" }).click();
  await page.getByRole("img", { name: "کد QR برای برنامهٔ احراز هویت" }).waitFor();
  await page.waitForFunction("document.querySelector('img.qr')?.naturalWidth > 0");
  await look(journey, "two-factor");
  const secret = ((await page.locator(".form code").textContent()) ?? "").trim();
  await page.getByLabel("کد شش‌رقمی برنامه").fill(await generate({ secret }));
  await page.getByRole("button", { name: "فعال‌سازی" }).click();
  const codes = page.locator(".recovery-codes code");
  await codes.first().waitFor();
  const recoveryCode = ((await codes.first().textContent()) ?? "").trim();
  console.log(`OK 2FA on through the QR code's secret; ${await codes.count()} recovery codes shown once`);
  await look(journey, "recovery-codes");
  await page.getByRole("button", { name: "آن‌ها را نگه داشتم" }).click();
  await page.locator('[data-two-factor="on"]').waitFor();

  await page.getByRole("button", { name: "خروج" }).click();
  await page.waitForURL(`${api.url}/app/signin`);
  await page.getByLabel("ایمیل").fill(email);
  await page.getByLabel("رمز عبور").fill(PASSWORD);
  await page.getByRole("button", { name: "ورود" }).click();
  await page.getByLabel("یا یکی از کدهای بازیابی").fill(recoveryCode);
  await look(journey, "sign-in-second-factor");
  await page.getByRole("button", { name: "ورود" }).click();
  await page.waitForURL(`${api.url}/app/servers`);
  console.log("OK signed out, then in again with the password and a recovery code");
}

/** An SSH key added and listed, to be installed on the server ordered next. */
export async function sshKey(journey: Journey) {
  const { page } = journey;
  await openFromMenu(journey, "کلیدهای SSH", "/app/ssh-keys");
  await page.getByLabel("نام کلید").fill("laptop");
  await page.getByLabel("کلید عمومی").fill(SSH_PUBLIC_KEY);
  await page.getByRole("button", { name: "افزودن" }).click();
  await page.locator("[data-ssh-key]").waitFor();
  console.log("OK SSH key added");
  await look(journey, "ssh-keys");
}

/** An API key created (its secret shown once) and revoked after the dialog. */
export async function apiKeys(journey: Journey) {
  const { page } = journey;
  await openFromMenu(journey, "کلیدهای API", "/app/api-keys");
  await page.getByLabel("نام کلید").fill("billing export");
  await page.getByLabel("خواندن کیف پول و پرداخت‌ها").check();
  await page.getByRole("button", { name: "ساخت کلید" }).click();
  const secret = ((await page.locator("[data-api-key-secret]").textContent()) ?? "").trim();
  check(secret.startsWith("pkb_"), `the new API key's secret is "${secret}"`);
  await page.locator("[data-api-key]").waitFor();
  await look(journey, "api-keys");
  await page.getByRole("button", { name: "ابطال کلید" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "بله، باطل شود" }).click();
  await page.locator("[data-api-key]").getByText("باطل شده در").waitFor();
  console.log("OK API key created, its secret shown once, then revoked");
}
