import type { Language } from "../user/language.ts";
import type { Notice } from "./notice.ts";
import { englishDateTime, persianDateTime } from "./tehran-time.ts";

export interface RenderedNotice {
  readonly subject: string;
  /** The email's plain-text body. */
  readonly body: string;
  /** One short message, within a few SMS parts. */
  readonly sms: string;
}

const TOP_UP_FA = "برای جلوگیری از آن، کیف پول خود را در پیکربند شارژ کنید.";
const TOP_UP_EN = "Top up your Peykarband wallet to prevent it.";

/** The notice in the customer's language. */
export function renderNotice(notice: Notice, language: Language): RenderedNotice {
  return language === "fa" ? persian(notice) : english(notice);
}

function persian(notice: Notice): RenderedNotice {
  const at = persianDateTime;
  switch (notice.kind) {
    case "WALLET_RUNNING_LOW":
      return compose(
        "موجودی کیف پول شما رو به پایان است",
        `با مصرف فعلی سرورها، موجودی کیف پول شما در ${at(notice.runsOutAt)} تمام می‌شود. ${TOP_UP_FA}`,
      );
    case "WALLET_IN_DEBT":
      return compose(
        "موجودی کیف پول شما تمام شده است",
        `موجودی کیف پول شما تمام شده است. اگر بدهی تا ${at(notice.suspendsAt)} پرداخت نشود، سرورهای شما خاموش و معلق می‌شوند. ${TOP_UP_FA}`,
      );
    case "SERVERS_SUSPENDED":
      return compose(
        "سرورهای شما معلق شدند",
        `سرورهای شما به دلیل بدهی خاموش و معلق شدند. اگر بدهی تا ${at(notice.terminatesAt)} پرداخت نشود، سرورها و داده‌های آن‌ها حذف می‌شوند. با شارژ کیف پول، سرورها دوباره روشن می‌شوند.`,
      );
    case "TERMINATION_SOON":
      return compose(
        "هشدار: سرورهای شما به‌زودی حذف می‌شوند",
        `سرورهای معلق شما در ${at(notice.terminatesAt)} برای همیشه حذف می‌شوند. ${TOP_UP_FA}`,
      );
    case "SERVERS_TERMINATED":
      return compose(
        "سرورهای شما حذف شدند",
        "سرورهای معلق شما به دلیل پرداخت نشدن بدهی حذف شدند. بدهی باقی‌مانده در کیف پول شما دیده می‌شود.",
      );
    case "SERVERS_RESUMED":
      return compose(
        "سرورهای شما دوباره روشن می‌شوند",
        "بدهی شما پرداخت شد و سرورهای معلق شما دوباره روشن می‌شوند. از پرداخت شما سپاسگزاریم.",
      );
    case "WEBHOOK_ENDPOINT_DISABLED":
      return compose(
        "وب‌هوک شما غیرفعال شد",
        `همه‌ی ارسال‌ها به وب‌هوک ${notice.url} از ${at(notice.failingSince)} ناموفق بوده‌اند و دیگر چیزی به آن فرستاده نمی‌شود. پس از رفع مشکل، یک وب‌هوک تازه بسازید.`,
      );
  }
}

function english(notice: Notice): RenderedNotice {
  const at = englishDateTime;
  switch (notice.kind) {
    case "WALLET_RUNNING_LOW":
      return compose(
        "Your wallet is running low",
        `At your servers' current usage, your wallet's balance runs out at ${at(notice.runsOutAt)}. ${TOP_UP_EN}`,
      );
    case "WALLET_IN_DEBT":
      return compose(
        "Your wallet has run out",
        `Your wallet's balance has run out. Unless the debt is paid by ${at(notice.suspendsAt)}, your servers will be powered off and suspended. ${TOP_UP_EN}`,
      );
    case "SERVERS_SUSPENDED":
      return compose(
        "Your servers are suspended",
        `Your servers were powered off and suspended for an unpaid balance. Unless it is paid by ${at(notice.terminatesAt)}, they will be deleted with their data. Topping up your wallet powers them on again.`,
      );
    case "TERMINATION_SOON":
      return compose(
        "Warning: your servers will be deleted soon",
        `Your suspended servers will be deleted for good at ${at(notice.terminatesAt)}. ${TOP_UP_EN}`,
      );
    case "SERVERS_TERMINATED":
      return compose(
        "Your servers were deleted",
        "Your suspended servers were deleted because the balance was not paid. What is still owed shows in your wallet.",
      );
    case "SERVERS_RESUMED":
      return compose(
        "Your servers are being powered on",
        "Your balance is paid and your suspended servers are being powered on again. Thank you.",
      );
    case "WEBHOOK_ENDPOINT_DISABLED":
      return compose(
        "Your webhook endpoint was disabled",
        `Every delivery to your webhook endpoint ${notice.url} has failed since ${at(notice.failingSince)}, so nothing more is sent to it. Once it is fixed, create a new endpoint.`,
      );
  }
}

function compose(subject: string, text: string): RenderedNotice {
  const signature = /[\u0600-\u06ff]/.test(subject) ? "پیکربند" : "Peykarband";
  return { subject, body: `${text}\n\n${signature}`, sms: `${signature}: ${text}` };
}
