import type { StoredNotification } from "@peykarband/application";
import { escapeHtml } from "../payments/payment-result.page.ts";

export const SANDBOX_OUTBOX_PATH = "/sandbox/outbox";

const CHANNELS = { EMAIL: "ایمیل", SMS: "پیامک" } as const;

const when = (date: Date | null): string => (date ? date.toISOString().replace("T", " ").slice(0, 19) : "—");

/** The sandbox's outbox: every email and SMS the worker sent or still tries to send, newest first. */
export function renderSandboxOutbox(notifications: readonly StoredNotification[]): string {
  const rows = notifications
    .map(
      (n) => `<article>
<header><strong>${escapeHtml(n.subject)}</strong> <span class="tag">${CHANNELS[n.channel]}</span> <span class="tag">${escapeHtml(n.kind)}</span></header>
<p class="meta">به: <bdi>${escapeHtml(n.recipient)}</bdi> · زبان: ${n.language} · ساخته: <bdi>${when(n.createdAt)}</bdi> · ارسال: <bdi>${when(n.sentAt)}</bdi>${n.lastError ? ` · خطا: <bdi>${escapeHtml(n.lastError)}</bdi>` : ""}</p>
<pre dir="${n.language === "fa" ? "rtl" : "ltr"}">${escapeHtml(n.body)}</pre>
</article>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>صندوق پیام‌های ارسالی (محیط آزمایشی) — پیکربند</title>
<style>
body { font-family: Vazirmatn, Tahoma, sans-serif; background: #f5f6f8; color: #1f2933; margin: 0; }
main { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
article { background: #fff; border-radius: .75rem; padding: 1rem 1.25rem; margin-bottom: 1rem; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
.tag { font-size: .75rem; background: #e4e7eb; border-radius: .5rem; padding: .1rem .5rem; }
.meta { font-size: .85rem; color: #52606d; }
pre { white-space: pre-wrap; font-family: inherit; margin: 0; }
</style>
</head>
<body>
<main>
<h1>صندوق پیام‌های ارسالی</h1>
<p>محیط آزمایشی: ایمیل‌ها به هیچ سرور SMTP نمی‌روند و پیامک‌ها به شبیه‌ساز کاوه‌نگار فرستاده می‌شوند.</p>
${rows || "<p>هنوز پیامی ساخته نشده است.</p>"}
</main>
</body>
</html>
`;
}
