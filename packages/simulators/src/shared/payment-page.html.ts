import { escapeHtml } from "./html.escape.ts";

export type Decision = "pay" | "cancel" | "fail";

/** The browser's choice on the payment page; `fail` has no button, tests post it to play a declined card. */
export function parseDecision(formBody: string): Decision | undefined {
  const decision = new URLSearchParams(formBody).get("decision");
  return decision === "pay" || decision === "cancel" || decision === "fail" ? decision : undefined;
}

export interface PaymentPageView {
  readonly gatewayName: string;
  readonly merchantName: string;
  readonly amount: number;
  readonly unit: "ریال" | "تومان";
  /** Label and value pairs the merchant supplied (description, payer): shown escaped. */
  readonly details: readonly (readonly [string, string])[];
  /** The page's own path: the form posts the decision back to it. */
  readonly action: string;
}

const persianNumber = new Intl.NumberFormat("fa-IR");

function layout(title: string, content: string): string {
  return `<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: Vazirmatn, Tahoma, sans-serif; background: #f4f5f7; margin: 0; padding: 2rem 1rem; }
main { max-width: 28rem; margin: auto; background: #fff; border-radius: 12px; padding: 1.5rem; box-shadow: 0 1px 4px #0002; }
.sandbox { background: #fff4ce; border-radius: 8px; padding: .5rem .75rem; font-size: .9rem; }
dl { display: grid; grid-template-columns: auto 1fr; gap: .5rem 1rem; }
dt { color: #555; } dd { margin: 0; font-weight: bold; overflow-wrap: anywhere; }
button { font: inherit; padding: .6rem 1.4rem; border-radius: 8px; border: 0; cursor: pointer; margin-inline-end: .5rem; }
.pay { background: #1a7f37; color: #fff; } .cancel { background: #e5e7eb; }
</style>
</head>
<body>
<main>
${content}
</main>
</body>
</html>
`;
}

export function renderPaymentPage(view: PaymentPageView): string {
  const rows: (readonly [string, string])[] = [
    ["پذیرنده", view.merchantName],
    ["مبلغ", `${persianNumber.format(view.amount)} ${view.unit}`],
    ...view.details,
  ];
  const list = rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`);
  return layout(
    `پرداخت — ${view.gatewayName}`,
    `<h1>${escapeHtml(view.gatewayName)}</h1>
<p class="sandbox">درگاه آزمایشی: هیچ پولی جابه‌جا نمی‌شود.</p>
<dl>
${list.join("\n")}
</dl>
<form method="post" action="${escapeHtml(view.action)}">
<button class="pay" type="submit" name="decision" value="pay">پرداخت</button>
<button class="cancel" type="submit" name="decision" value="cancel">انصراف</button>
</form>`,
  );
}

/** A page that ends the visit on the gateway: an error, or a payment whose return never happens. */
export function renderNoticePage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

/** How a gateway POSTs the browser back to the merchant: a form that submits itself. */
export function renderAutoSubmitForm(action: string, fields: Readonly<Record<string, string>>): string {
  const inputs = Object.entries(fields).map(
    ([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
  );
  return layout(
    "بازگشت به سایت پذیرنده",
    `<p>در حال بازگشت به سایت پذیرنده…</p>
<form id="return" method="post" action="${escapeHtml(action)}">
${inputs.join("\n")}
<noscript><button type="submit">بازگشت به سایت پذیرنده</button></noscript>
</form>
<script>document.getElementById("return").submit();</script>`,
  );
}
