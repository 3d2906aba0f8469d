import type {
  AddSshKeyErrorCode,
  CreateApiKeyErrorCode,
  RevokeApiKeyErrorCode,
  CreateWebhookEndpointErrorCode,
  DeleteWebhookEndpointErrorCode,
  RedeliverWebhookErrorCode,
  AdjustWalletErrorCode,
  ChangeUserRoleErrorCode,
  ConfirmSecondFactorErrorCode,
  CreateCustomerErrorCode,
  TransferToCustomerErrorCode,
  SetResellerMarkupErrorCode,
  ConfirmTwoFactorSetupErrorCode,
  DeleteSshKeyErrorCode,
  DisableTwoFactorErrorCode,
  LogInErrorCode,
  LogOutErrorCode,
  OrderServerErrorCode,
  RebuildServerErrorCode,
  RefreshSessionErrorCode,
  RegisterUserErrorCode,
  ResizeServerErrorCode,
  ServerActionErrorCode,
  SetServerQuotaErrorCode,
  WaiveUsageErrorCode,
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
  | ConfirmSecondFactorErrorCode
  | DisableTwoFactorErrorCode
  | ChangeUserRoleErrorCode
  | CreateCustomerErrorCode
  | TransferToCustomerErrorCode
  | SetResellerMarkupErrorCode
  | StartTopUpErrorCode
  | AdjustWalletErrorCode
  | OrderServerErrorCode
  | ServerActionErrorCode
  | RebuildServerErrorCode
  | ResizeServerErrorCode
  | AddSshKeyErrorCode
  | DeleteSshKeyErrorCode
  | SetServerQuotaErrorCode
  | WaiveUsageErrorCode
  | CreateApiKeyErrorCode
  | RevokeApiKeyErrorCode
  | CreateWebhookEndpointErrorCode
  | DeleteWebhookEndpointErrorCode
  | RedeliverWebhookErrorCode;

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
  SECOND_FACTOR_REQUIRED: {
    description:
      "This needs a second factor and the account has none: turn on two-factor authentication first.",
    fa: "این کار به تأیید دومرحله‌ای نیاز دارد؛ ابتدا آن را برای حساب خود فعال کنید.",
  },
  SECOND_FACTOR_STALE: {
    description:
      "This needs a fresh second factor: call confirmSecondFactor first, or send totpCode with the mutation.",
    fa: "برای این کار دوباره کد برنامهٔ احراز هویت را وارد کنید.",
  },
  TWO_FACTOR_NOT_ENABLED: {
    description: "Two-factor authentication is not on.",
    fa: "تأیید دومرحله‌ای فعال نیست.",
  },
  USER_NOT_FOUND: { description: "No user has this id.", fa: "کاربری با این شناسه پیدا نشد." },
  CUSTOMER_NOT_FOUND: {
    description: "No customer of yours has this id.",
    fa: "مشتری‌ای از شما با این شناسه پیدا نشد.",
  },
  INVALID_MARKUP: {
    description: "A markup is 0 to 100000 whole basis points.",
    fa: "درصد افزوده باید عددی صحیح بین ۰ تا ۱۰۰۰۰۰ واحد پایه باشد.",
  },
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
  GATEWAY_NOT_CONFIGURED: {
    description:
      "This deployment does not offer the payment gateway asked for. Nothing was charged; use another gateway.",
    fa: "این درگاه پرداخت در این سامانه فعال نیست. مبلغی کسر نشد؛ درگاه دیگری را برگزینید.",
  },
  TOO_MANY_TOP_UPS: {
    description:
      "Too many top-ups started in a short time; nothing was opened. Retry after `retryAfterSeconds`.",
    fa: "در زمان کوتاهی درخواست‌های افزایش موجودی زیادی ثبت کردید؛ کمی بعد دوباره امتحان کنید.",
  },
  INVALID_REASON: {
    description: "The reason is empty or too long (500 characters; 400 for a usage waiver).",
    fa: "علت را بنویسید (حداکثر ۵۰۰ نویسه).",
  },
  CANNOT_ADJUST_OWN_WALLET: {
    description: "Administrators cannot adjust their own wallet; another administrator must.",
    fa: "کیف پول خودتان را نمی‌توانید تغییر دهید؛ مدیر دیگری باید این کار را انجام دهد.",
  },
  INSUFFICIENT_FUNDS: {
    description:
      "The wallet holds less than the amount to take (for a server: its first charge); wallets never go below zero.",
    fa: "موجودی کیف پول کافی نیست.",
  },
  AMOUNT_EXCEEDS_USAGE: {
    description: "The waiver is more than the server has accrued so far.",
    fa: "این مبلغ بیش از هزینه‌ای است که این سرور تا کنون داشته است.",
  },
  SERVER_NOT_FOUND: {
    description: "No server has this id, or it is not yours.",
    fa: "سروری با این شناسه پیدا نشد.",
  },
  ILLEGAL_STATE: {
    description:
      "The server's status does not allow this now, such as rebooting a DELETED server or powering on an ACTIVE one.",
    fa: "این کار در وضعیت کنونی سرور ممکن نیست.",
  },
  OPERATION_IN_PROGRESS: {
    description: "Another operation on this server has not finished yet; wait for it.",
    fa: "عملیات دیگری روی این سرور در جریان است؛ پس از پایان آن دوباره امتحان کنید.",
  },
  INVALID_NAME: {
    description:
      "The name is not acceptable: a server's is a hostname (letters, digits and hyphens, 1 to 63 characters, not starting or ending with a hyphen); an SSH key's must be 1 to 100 characters; an API key's 1 to 64.",
    fa: "نام معتبر نیست؛ نام سرور فقط حروف لاتین، رقم و خط تیره (۱ تا ۶۳ نویسه) می‌تواند داشته باشد.",
  },
  PLAN_NOT_FOUND: { description: "No plan has this id.", fa: "پلنی با این شناسه پیدا نشد." },
  REGION_NOT_FOUND: { description: "No region has this id.", fa: "منطقه‌ای با این شناسه پیدا نشد." },
  IMAGE_NOT_FOUND: {
    description: "No operating-system image has this id.",
    fa: "سیستم‌عاملی با این شناسه پیدا نشد.",
  },
  PLAN_UNAVAILABLE: {
    description:
      "The plan is not offered in this region, or the plan, region or provider is unavailable now.",
    fa: "این پلن در این منطقه در دسترس نیست؛ پلن یا منطقهٔ دیگری برگزینید.",
  },
  IMAGE_UNAVAILABLE: {
    description: "The image is not offered by this region's provider.",
    fa: "این سیستم‌عامل در این منطقه ارائه نمی‌شود.",
  },
  SSH_KEY_NOT_FOUND: {
    description: "No SSH key of yours has this id.",
    fa: "کلید SSH با این شناسه در حساب شما پیدا نشد.",
  },
  TOO_MANY_SSH_KEYS: {
    description: "More SSH keys than allowed: on one server, or in the account.",
    fa: "تعداد کلیدهای SSH بیش از حد مجاز است.",
  },
  QUOTA_EXCEEDED: {
    description: "You have as many servers as your quota allows; delete one or ask support for more.",
    fa: "به سقف تعداد سرورهای حساب خود رسیده‌اید؛ سروری را حذف کنید یا از پشتیبانی افزایش سقف را بخواهید.",
  },
  DISK_CANNOT_SHRINK: {
    description: "The new plan's disk is smaller than the current one: disks only grow.",
    fa: "دیسک پلن جدید از دیسک کنونی کوچک‌تر است؛ دیسک را نمی‌توان کوچک کرد.",
  },
  SAME_PLAN: { description: "The server is on this plan already.", fa: "سرور هم‌اکنون همین پلن را دارد." },
  INVALID_PUBLIC_KEY: {
    description: "The public key is not an OpenSSH public key line (ssh-ed25519, ssh-rsa, ecdsa-sha2-*).",
    fa: "کلید عمومی معتبر نیست؛ یک خط کلید عمومی OpenSSH (مانند ssh-ed25519 ...) وارد کنید.",
  },
  DUPLICATE_SSH_KEY: {
    description: "This public key is in your account already.",
    fa: "این کلید عمومی پیش‌تر به حساب شما افزوده شده است.",
  },
  INVALID_QUOTA: {
    description: "The server limit is not a whole number in the allowed range.",
    fa: "سقف تعداد سرور باید عددی صحیح و در بازهٔ مجاز باشد.",
  },
  INVALID_SCOPES: {
    description: "No scopes, or a scope that does not exist: give one or more of ApiScope.",
    fa: "برای کلید دست‌کم یک دامنهٔ دسترسی معتبر انتخاب کنید.",
  },
  TOO_MANY_API_KEYS: {
    description: "The account holds as many active API keys as allowed: revoke one first.",
    fa: "تعداد کلیدهای API فعال شما به سقف رسیده است؛ ابتدا یکی را باطل کنید.",
  },
  API_KEY_NOT_FOUND: {
    description: "No active API key of yours has this id.",
    fa: "کلید API فعالی با این شناسه در حساب شما پیدا نشد.",
  },
  WEBHOOK_URL_INVALID: {
    description: "The URL is not an http(s) URL without credentials, or its host does not resolve.",
    fa: "نشانی وب‌هوک معتبر نیست؛ یک نشانی http یا https بدون نام کاربری و گذرواژه وارد کنید.",
  },
  WEBHOOK_URL_FORBIDDEN: {
    description: "The URL's host is a loopback, private, link-local or other internal address.",
    fa: "نشانی وب‌هوک به یک آدرس داخلی یا خصوصی اشاره می‌کند و مجاز نیست.",
  },
  INVALID_EVENTS: {
    description: "No event, or an unknown one, was given.",
    fa: "دست‌کم یک رویداد معتبر انتخاب کنید.",
  },
  TOO_MANY_WEBHOOK_ENDPOINTS: {
    description: "The account holds as many webhook endpoints as allowed (16): delete one first.",
    fa: "تعداد نشانی‌های وب‌هوک شما به سقف رسیده است؛ ابتدا یکی را حذف کنید.",
  },
  WEBHOOK_ENDPOINT_NOT_FOUND: {
    description: "No webhook endpoint of yours has this id.",
    fa: "نشانی وب‌هوکی با این شناسه در حساب شما پیدا نشد.",
  },
  WEBHOOK_DELIVERY_NOT_FOUND: {
    description: "No delivery of yours has this id, or its endpoint is disabled.",
    fa: "ارسال وب‌هوکی با این شناسه پیدا نشد یا نشانی آن غیرفعال است.",
  },
};
