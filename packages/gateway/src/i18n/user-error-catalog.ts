import type {
  AdminAdjustWalletErrorCode,
  ChangeUserRoleErrorCode,
  ConfirmTwoFactorSetupErrorCode,
  DisableTwoFactorErrorCode,
  LogInErrorCode,
  LogOutErrorCode,
  RefreshSessionErrorCode,
  RegisterUserErrorCode,
  StartTopUpErrorCode,
  StartTwoFactorSetupErrorCode,
} from "@peykarband/application";

export type UserErrorCode =
  | RegisterUserErrorCode
  | LogInErrorCode
  | RefreshSessionErrorCode
  | LogOutErrorCode
  | StartTwoFactorSetupErrorCode
  | ConfirmTwoFactorSetupErrorCode
  | DisableTwoFactorErrorCode
  | ChangeUserRoleErrorCode
  | StartTopUpErrorCode
  | AdminAdjustWalletErrorCode;

interface CatalogEntry {
  /** For the schema: what the code means, for developers. */
  readonly description: string;
  /** For end users who prefer Persian; the English message comes from the use case. */
  readonly fa: string;
}

/** Every user-error code the API can return; typed as a Record so a new code cannot ship untranslated. */
export const USER_ERROR_CATALOG: Readonly<Record<UserErrorCode, CatalogEntry>> = {
  INVALID_EMAIL: { description: "The email address is not valid.", fa: "نشانی ایمیل معتبر نیست." },
  INVALID_PHONE: {
    description: "The phone number is not an Iranian mobile number.",
    fa: "شماره موبایل معتبر نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.",
  },
  PASSWORD_TOO_SHORT: {
    description: "The password is shorter than the minimum (10 characters).",
    fa: "گذرواژه باید دست‌کم ۱۰ نویسه باشد.",
  },
  PASSWORD_TOO_LONG: {
    description: "The password is longer than the maximum (128 characters).",
    fa: "گذرواژه باید حداکثر ۱۲۸ نویسه باشد.",
  },
  EMAIL_TAKEN: {
    description: "An account with this email address exists already.",
    fa: "حسابی با این ایمیل از پیش وجود دارد.",
  },
  TOO_MANY_ATTEMPTS: {
    description: "Too many attempts from this account or address; wait and try again.",
    fa: "تلاش‌ها بیش از حد مجاز بود؛ کمی بعد دوباره امتحان کنید.",
  },
  INVALID_CREDENTIALS: {
    description: "The email address or password is wrong.",
    fa: "ایمیل یا گذرواژه نادرست است.",
  },
  TWO_FACTOR_REQUIRED: {
    description: "The account has two-factor authentication: send totpCode or recoveryCode too.",
    fa: "این حساب تأیید دومرحله‌ای دارد؛ کد برنامهٔ احراز هویت یا کد بازیابی را وارد کنید.",
  },
  INVALID_TWO_FACTOR_CODE: {
    description: "The two-factor code or recovery code is wrong, expired or used already.",
    fa: "کد تأیید دومرحله‌ای نادرست، منقضی یا پیش‌تر استفاده شده است.",
  },
  INVALID_REFRESH_TOKEN: {
    description: "The refresh token is unknown, expired, revoked or used already.",
    fa: "نشست شما پایان یافته است؛ دوباره وارد شوید.",
  },
  NOT_SIGNED_IN: { description: "There is no session to end.", fa: "وارد حساب نشده‌اید." },
  INVALID_PASSWORD: { description: "The password is wrong.", fa: "گذرواژه نادرست است." },
  TWO_FACTOR_ALREADY_ENABLED: {
    description: "Two-factor authentication is on already; disable it first to set it up again.",
    fa: "تأیید دومرحله‌ای از پیش فعال است.",
  },
  TWO_FACTOR_NOT_STARTED: {
    description: "There is no two-factor setup to confirm; start one first.",
    fa: "ابتدا راه‌اندازی تأیید دومرحله‌ای را آغاز کنید.",
  },
  TWO_FACTOR_NOT_ENABLED: {
    description: "Two-factor authentication is not on.",
    fa: "تأیید دومرحله‌ای فعال نیست.",
  },
  USER_NOT_FOUND: { description: "No user has this id.", fa: "کاربری با این شناسه پیدا نشد." },
  CANNOT_CHANGE_OWN_ROLE: {
    description: "Administrators cannot change their own role; another administrator must.",
    fa: "نقش خودتان را نمی‌توانید تغییر دهید؛ مدیر دیگری باید این کار را انجام دهد.",
  },
  INVALID_AMOUNT: {
    description: "The amount is not a whole number of rials (or, for a top-up, not positive).",
    fa: "مبلغ باید عددی صحیح به ریال باشد.",
  },
  AMOUNT_TOO_SMALL: {
    description: "The amount is below the gateway's minimum for one payment.",
    fa: "مبلغ کمتر از حداقل مجاز درگاه برای یک پرداخت است.",
  },
  AMOUNT_TOO_LARGE: {
    description:
      "The amount is above the largest allowed: the gateway's maximum or our ceiling, whichever is lower.",
    fa: "مبلغ بیش از حداکثر مجاز است.",
  },
  INVALID_IDEMPOTENCY_KEY: {
    description: "The idempotency key is not 1 to 100 printable ASCII characters without spaces.",
    fa: "کلید یکتایی درخواست معتبر نیست؛ ۱ تا ۱۰۰ نویسهٔ لاتین بدون فاصله.",
  },
  IDEMPOTENCY_KEY_REUSED: {
    description: "The idempotency key was used before for a different request; use a new key.",
    fa: "این کلید یکتایی پیش‌تر برای درخواست دیگری به کار رفته است؛ کلید تازه‌ای بفرستید.",
  },
  TOP_UP_IN_PROGRESS: {
    description:
      "The first request with this idempotency key is still talking to the gateway; retry shortly.",
    fa: "درخواست افزایش موجودی با همین کلید هنوز در جریان است؛ چند لحظه بعد دوباره امتحان کنید.",
  },
  GATEWAY_UNAVAILABLE: {
    description:
      "The payment gateway is down, too slow or answered nonsense. Nothing was charged; retry or use the other gateway.",
    fa: "درگاه پرداخت پاسخ نمی‌دهد. مبلغی کسر نشد؛ دوباره امتحان کنید یا درگاه دیگر را برگزینید.",
  },
  INVALID_REASON: {
    description: "The reason is empty or longer than 500 characters.",
    fa: "علت را بنویسید (حداکثر ۵۰۰ نویسه).",
  },
  CANNOT_ADJUST_OWN_WALLET: {
    description: "Administrators cannot adjust their own wallet; another administrator must.",
    fa: "کیف پول خودتان را نمی‌توانید تغییر دهید؛ مدیر دیگری باید این کار را انجام دهد.",
  },
  INSUFFICIENT_FUNDS: {
    description: "The wallet holds less than the amount to take; wallets never go below zero.",
    fa: "موجودی کیف پول کافی نیست.",
  },
};
