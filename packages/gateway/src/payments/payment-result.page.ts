/** Payment outcomes the result page knows, as the callback routes put them in its query string. */
export const RESULT_STATUSES = ["PAID", "FAILED", "CANCELLED", "PENDING"] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

const MESSAGES: Readonly<Record<ResultStatus | "UNKNOWN", { title: string; body: string }>> = {
  PAID: {
    title: "پرداخت موفق بود",
    body: "مبلغ به کیف پول شما افزوده شد.",
  },
  FAILED: {
    title: "پرداخت انجام نشد",
    body: "مبلغی به کیف پول افزوده نشد. اگر از حساب بانکی شما پولی کسر شده است، بانک آن را ظرف ۷۲ ساعت بازمی‌گرداند.",
  },
  CANCELLED: {
    title: "پرداخت لغو شد",
    body: "پرداخت را لغو کردید و مبلغی کسر نشد.",
  },
  PENDING: {
    title: "پرداخت در حال بررسی است",
    body: "هنوز تأیید درگاه به دست ما نرسیده است. اگر پرداخت انجام شده باشد، به‌زودی و تنها یک بار به کیف پول شما افزوده می‌شود.",
  },
  UNKNOWN: {
    title: "نتیجهٔ پرداخت",
    body: "وضعیت این پرداخت را در بخش پرداخت‌ها ببینید.",
  },
};

/** The dashboard's wallet page, served by the same gateway (packages/web, docs/web.md). */
const DASHBOARD_WALLET_PATH = "/app/wallet";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export const isResultStatus = (value: unknown): value is ResultStatus =>
  typeof value === "string" && (RESULT_STATUSES as readonly string[]).includes(value);

/**
 * The built-in result page, the default PAYMENT_RESULT_URL: enough for the sandbox and for a
 * deployment without a frontend of its own. Everything from the query string is escaped.
 */
export function renderPaymentResultPage(query: { status: unknown; payment: unknown }): string {
  const message = MESSAGES[isResultStatus(query.status) ? query.status : "UNKNOWN"];
  const payment = typeof query.payment === "string" ? query.payment.slice(0, 200) : null;
  return `<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(message.title)} — پیکربند</title>
<style>
body { font-family: Vazirmatn, Tahoma, sans-serif; background: #f5f6f8; color: #1f2933; margin: 0; }
main { max-width: 32rem; margin: 4rem auto; background: #fff; border-radius: .75rem; padding: 2rem; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
h1 { font-size: 1.4rem; margin-top: 0; }
code { direction: ltr; unicode-bidi: embed; font-size: .85rem; word-break: break-all; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(message.title)}</h1>
<p>${escapeHtml(message.body)}</p>
${payment ? `<p>شناسهٔ پرداخت: <code>${escapeHtml(payment)}</code></p>` : ""}
<p><a href="${DASHBOARD_WALLET_PATH}">بازگشت به کیف پول</a></p>
</main>
</body>
</html>
`;
}
