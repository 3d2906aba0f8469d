import { z } from "zod";

export const LOG_LEVELS = ["error", "warn", "info", "http", "verbose", "debug", "silly"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const blankAsMissing = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const env = <T extends z.ZodType>(environmentSchema: T) => z.preprocess(blankAsMissing, environmentSchema);
const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
const url = (protocols: readonly string[]) =>
  z
    .string()
    .refine(
      (text) => URL.canParse(text) && protocols.includes(new URL(text).protocol),
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`,
    );

/** A base URL that paths are appended to: no query, no fragment, no trailing slash. */
const baseUrl = url(["http:", "https:"])
  .refine((text) => !URL.canParse(text) || !/[?#]/.test(text), "must not have a query or fragment")
  .transform((text) => text.replace(/\/+$/, ""));
const MAX_RIALS = 2n ** 63n - 1n;
const rials = z
  .string()
  .regex(/^\d{1,19}$/, "must be a whole number of rials")
  .transform((text) => BigInt(text))
  .refine((amount) => amount > 0n && amount <= MAX_RIALS, `must be from 1 to ${MAX_RIALS} rials`);
const token = z.string().regex(/^[\x21-\x7e]{8,512}$/, "must be 8 to 512 printable characters, no spaces");
const flag = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .transform((text) => text === "true" || text === "1");

/** The environment variables the configuration reads, each with its default and its check. */
export const environmentSchema = z.object({
  NODE_ENV: env(z.enum(["development", "production", "test"]).default("development")),
  HOST: env(z.string().default("127.0.0.1")),
  PORT: env(integer(0, 65_535).default(4000)),
  METRICS_PORT: env(integer(0, 65_535).optional()),
  SENTRY_DSN: env(url(["https:", "http:"]).optional()),
  OTEL_EXPORTER_OTLP_ENDPOINT: env(baseUrl.optional()),
  DATA_DIR: env(z.string().default(".data")),
  DATABASE_URL: env(url(["postgres:", "postgresql:"]).optional()),
  REDIS_URL: env(url(["redis:", "rediss:"]).optional()),
  DEPLOYMENT_NAME: env(
    z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be 1-63 of a-z, 0-9 and inner hyphens")
      .default("peykarband"),
  ),
  LOG_LEVEL: env(z.enum(LOG_LEVELS).default("info")),
  JWT_SIGNING_KEYS: env(z.string().optional()),
  SECRET_BOX_KEY: env(z.string().optional()),
  ACCESS_TOKEN_TTL_SECONDS: env(integer(60, 900).default(900)),
  REFRESH_GRACE_SECONDS: env(integer(0, 60).default(20)),
  SESSION_CACHE_TTL_MS: env(integer(0, 60_000).default(5_000)),
  TRUST_PROXY: env(integer(0, 10).default(0)),
  ROLE: env(z.enum(["all", "gateway", "worker"]).default("all")),
  PUBLIC_URL: env(baseUrl.optional()),
  PAYMENT_RESULT_URL: env(url(["http:", "https:"]).optional()),
  TOP_UP_CEILING_RIALS: env(rials.default(500_000_000n)),
  TOP_UP_STARTS_PER_WINDOW: env(integer(1, 10_000).default(10)),
  // At most the sign-in window: the hourly cleanup (account-cleanup.repository.ts) deletes counter
  // rows older than that, which would end a longer window early.
  TOP_UP_START_WINDOW_SECONDS: env(integer(1, 900).default(600)),
  ZARINPAL_MERCHANT_ID: env(
    z
      .string()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a 36-character UUID")
      .optional(),
  ),
  ZARINPAL_BASE_URL: env(baseUrl.optional()),
  IDPAY_API_KEY: env(
    z
      .string()
      .regex(/^[0-9A-Za-z-]{36}$/, "must be the 36-character key")
      .optional(),
  ),
  IDPAY_BASE_URL: env(
    baseUrl.refine((text) => !/\/v1\.1$/.test(text), "must not end in /v1.1: the adapter adds it").optional(),
  ),
  IDPAY_SANDBOX: env(flag.default(false)),
  CATALOG_FILE: env(z.string().optional()),
  SERVER_QUOTA_DEFAULT: env(integer(0, 1000).default(10)),
  DIGITALOCEAN_TOKEN: env(token.optional()),
  DIGITALOCEAN_BASE_URL: env(baseUrl.optional()),
  HETZNER_TOKEN: env(token.optional()),
  HETZNER_BASE_URL: env(baseUrl.optional()),
  VAT_RATE_PERCENT: env(
    z
      .string()
      .regex(/^\d{1,2}(\.\d{1,2})?$/, "must be a percentage from 0 to 99.99, at most two decimals")
      .transform((text) => Math.round(Number(text) * 100))
      .default(1000),
  ),
  SELLER_NAME: env(z.string().max(200).default("پیکربند (نسخهٔ آزمایشی)")),
  SELLER_NATIONAL_ID: env(
    z
      .string()
      .regex(/^\d{10,11}$/, "must be the 10- or 11-digit national id")
      .default("10100000000"),
  ),
  SELLER_ECONOMIC_CODE: env(
    z
      .string()
      .regex(/^\d{12,14}$/, "must be the 12- to 14-digit economic code")
      .default("411100000000"),
  ),
  SELLER_ADDRESS: env(z.string().max(500).default("تهران، نشانی آزمایشی")),
  OVH_ENDPOINT: env(baseUrl.optional()),
  OVH_PROJECT_ID: env(
    z
      .string()
      .regex(/^[0-9A-Za-z-]{1,64}$/, "must be the project's id")
      .optional(),
  ),
  OVH_APPLICATION_KEY: env(token.optional()),
  OVH_APPLICATION_SECRET: env(token.optional()),
  OVH_CONSUMER_KEY: env(token.optional()),
  MAX_QUERY_BYTES: env(integer(1024, 1_048_576).default(32_768)),
  DOCUMENT_CACHE_MB: env(integer(1, 1024).default(32)),
  WS_OPERATIONS_PER_SECOND: env(integer(1, 100_000).default(100)),
  WS_SUBSCRIPTIONS_PER_SOCKET: env(integer(1, 1000).default(20)),
  WS_SOCKETS_PER_USER: env(integer(1, 10_000).default(10)),
  WS_SOCKETS_PER_ADDRESS: env(integer(1, 100_000).default(100)),
  WS_INIT_TIMEOUT_MS: env(integer(100, 60_000).default(3000)),
  DUNNING_NOTICE_HOURS: env(integer(1, 24 * 30).default(72)),
  DUNNING_GRACE_HOURS: env(integer(0, 24 * 30).default(24)),
  DUNNING_TERMINATE_AFTER_DAYS: env(integer(1, 365).default(7)),
  DUNNING_TERMINATION_WARNING_HOURS: env(integer(0, 24 * 30).default(24)),
  DUNNING_SANDBOX_TIME_SCALE: env(integer(1, 3_600).default(1)),
  SMTP_URL: env(url(["smtp:", "smtps:"]).optional()),
  MAIL_FROM: env(z.string().min(3).default("Peykarband <no-reply@peykarband.ir>")),
  KAVENEGAR_API_KEY: env(token.optional()),
  KAVENEGAR_SENDER: env(
    z
      .string()
      .regex(/^\d{4,20}$/, "must be the sending line's number")
      .optional(),
  ),
  KAVENEGAR_BASE_URL: env(baseUrl.optional()),
});

/** Every environment variable the configuration reads; the docs test checks commands against it. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(environmentSchema.shape);
