import { join, resolve } from "node:path";
import type { z } from "zod";
import { DEFAULT_CATALOG_FILE } from "../catalog/catalog-file.ts";
import { ConfigError, type ConfigProblem } from "./config-error.ts";
import { blankAsMissing, environmentSchema, type LogLevel } from "./config-schema.ts";
import { loadOrCreateSandboxSecrets, SANDBOX_SECRETS_FILE } from "./sandbox-secrets.ts";
import { parseSecretBoxKey, parseSigningKeys, type SigningKey } from "./secret-keys.ts";

/** The port OpenTelemetry's Prometheus exporter uses by convention. */
const DEFAULT_METRICS_PORT = 9464;

export interface Config {
  readonly nodeEnv: "development" | "production" | "test";
  readonly host: string;
  readonly port: number;
  /** `/metrics` listens here, on HOST, apart from the API. */
  readonly metricsPort: number;
  /** Null: errors are logged only, not reported to Sentry. */
  readonly sentryDsn: string | null;
  /** The OTLP/HTTP collector traces are sent to (`/v1/traces` under it); null: tracing off, no SDK loaded. */
  readonly otlpEndpoint: string | null;
  /** Absolute. */
  readonly dataDir: string;
  /** Null in sandbox mode: the embedded PGlite under `pgliteDir` is used instead. */
  readonly databaseUrl: string | null;
  readonly pgliteDir: string;
  /** Null: pub/sub stays in this process. */
  readonly redisUrl: string | null;
  /** No DATABASE_URL: embedded database, simulators, money that is not real. */
  readonly sandbox: boolean;
  readonly deploymentName: string;
  readonly logLevel: LogLevel;
  readonly accessTokenTtlSeconds: number;
  /** After a refresh token is used, how long presenting it again gets the same successor. */
  readonly refreshGraceSeconds: number;
  /** How long a gateway may reuse a session read; revocations evict it at once over pub/sub. */
  readonly sessionCacheTtlMs: number;
  /** Reverse-proxy hops in front of the gateway whose X-Forwarded-For can be trusted. */
  readonly trustProxy: number;
  readonly role: "all" | "gateway" | "worker";
  /** The externally visible base URL of this API, without a trailing slash; callback URLs hang off it. */
  readonly publicUrl: string;
  /** Where the payer's browser ends after a payment callback. */
  readonly paymentResultUrl: string;
  /** Our own ceiling per top-up, in rials. */
  readonly topUpCeilingRials: bigint;
  /** How many top-ups one user may start per window: each one is a request to a gateway. */
  readonly topUpStarts: { readonly perWindow: number; readonly windowSeconds: number };
  /** Null: the real host in production, the in-process simulator in sandbox mode. */
  readonly zarinpalBaseUrl: string | null;
  /** Without `/v1.1`. Null: the real host in production, the in-process simulator in sandbox mode. */
  readonly idpayBaseUrl: string | null;
  /** Send `X-SANDBOX: 1` to IDPay: it simulates every payment. */
  readonly idpaySandbox: boolean;
  readonly secrets: {
    /** The first signs; all verify. */
    readonly jwtSigningKeys: readonly SigningKey[];
    readonly secretBoxKey: Buffer;
  };
  /** Named so that the log redaction (any key matching /secret/) blanks the whole object. */
  readonly paymentSecrets: {
    /** Null: Zarinpal is not offered (production), or the simulator's is used (sandbox). */
    readonly zarinpalMerchantId: string | null;
    /** Null: IDPay is not offered (production), or the simulator's is used (sandbox). */
    readonly idpayApiKey: string | null;
  };
  /** The operators' catalog of regions, images and plans (absolute path). */
  readonly catalogFile: string;
  /** Live servers an account may have unless an admin set its own limit. */
  readonly serverQuotaDefault: number;
  /**
   * Where each cloud's API is. Null: the real host in production, the in-process simulator in
   * sandbox mode. A provider without credentials in production is not offered.
   */
  readonly cloudEndpoints: {
    readonly digitalocean: string | null;
    readonly hetzner: string | null;
    /** OVH's API base including `/1.0`, e.g. https://eu.api.ovh.com/1.0. */
    readonly ovh: string | null;
  };
  /** VAT on invoices in hundredths of a percent (VAT_RATE_PERCENT 10 is 1000). */
  readonly vatRateBasisPoints: number;
  /** The seller printed on invoices. Sandbox defaults name no real company. */
  readonly seller: {
    readonly name: string;
    readonly nationalId: string;
    readonly economicCode: string;
    readonly address: string;
  };
  readonly ovhProjectId: string | null;
  readonly ovhApplicationKey: string | null;
  /** Named so that the log redaction (any key matching /secret/) blanks the whole object. */
  readonly cloudSecrets: {
    readonly digitaloceanToken: string | null;
    readonly hetznerToken: string | null;
    readonly ovhApplicationSecret: string | null;
    readonly ovhConsumerKey: string | null;
  };
  /** The gateway's bounds on what one client may hold or send (docs/api.md, Limits). */
  readonly gatewayLimits: GatewayLimits;
  /** Dunning's windows (docs/billing.md), already divided by DUNNING_SANDBOX_TIME_SCALE in sandbox mode. */
  readonly dunning: {
    readonly noticeWindowMs: number;
    readonly graceMs: number;
    readonly terminateAfterMs: number;
    readonly terminationWarningMs: number;
  };
  /** Outgoing mail: `smtp://` or `smtps://` with its user and password. Null: in sandbox mode the capture, else no mail. */
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** Null: the real host in production, the in-process simulator in sandbox mode. */
  readonly kavenegarBaseUrl: string | null;
  readonly kavenegarSender: string | null;
  /** Named so that the log redaction (any key matching /secret/) blanks the whole object. */
  readonly smsSecrets: {
    /** Null: no SMS in production; the simulator's key in sandbox mode. */
    readonly kavenegarApiKey: string | null;
  };
}

interface GatewayLimits {
  /** Longest GraphQL document text accepted, in UTF-8 bytes, on HTTP and WebSocket. */
  readonly maxQueryBytes: number;
  /** What the cache of parsed and validated documents may hold, in bytes of memory. */
  readonly documentCacheBytes: number;
  /** Operations (subscribe messages) one WebSocket may start per second. */
  readonly wsOperationsPerSecond: number;
  readonly wsSubscriptionsPerSocket: number;
  /** Open WebSockets signed in as one user. */
  readonly wsSocketsPerUser: number;
  /** Open WebSockets from one client address, signed in or not. */
  readonly wsSocketsPerAddress: number;
  /** How long a new WebSocket may take to send connection_init before it is closed. */
  readonly wsInitTimeoutMs: number;
}

const OVH_CREDENTIALS = [
  "OVH_PROJECT_ID",
  "OVH_APPLICATION_KEY",
  "OVH_APPLICATION_SECRET",
  "OVH_CONSUMER_KEY",
];

/**
 * Reads and validates the environment once, at start. Throws a ConfigError naming every bad
 * variable. In sandbox mode missing keys are generated once and kept in the data dir.
 */
export function loadConfig(environment: NodeJS.ProcessEnv): Config {
  const parsed = environmentSchema.safeParse(environment);
  const problems: ConfigProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ variable: String(issue.path[0]), problem: issue.message }));
  // The keys are checked from the raw environment too, so one run reports every problem.
  const raw = (name: string) => blankAsMissing(environment[name]) as string | undefined;
  const dataDir = resolve(process.cwd(), raw("DATA_DIR") ?? ".data");
  const productionMode = raw("DATABASE_URL") !== undefined || raw("NODE_ENV") === "production";

  let jwtText = raw("JWT_SIGNING_KEYS");
  let boxText = raw("SECRET_BOX_KEY");
  if (productionMode) {
    const why = "is required when DATABASE_URL is set or NODE_ENV=production";
    if (jwtText === undefined) problems.push({ variable: "JWT_SIGNING_KEYS", problem: why });
    if (boxText === undefined) problems.push({ variable: "SECRET_BOX_KEY", problem: why });
  } else if ((jwtText === undefined || boxText === undefined) && problems.length === 0) {
    const sandbox = loadOrCreateSandboxSecrets(dataDir);
    if ("problem" in sandbox) {
      problems.push({ variable: join(dataDir, SANDBOX_SECRETS_FILE), problem: sandbox.problem });
    } else {
      jwtText ??= sandbox.JWT_SIGNING_KEYS;
      boxText ??= sandbox.SECRET_BOX_KEY;
    }
  }
  const signingKeys = jwtText === undefined ? undefined : parseSigningKeys(jwtText);
  const boxKey = boxText === undefined ? undefined : parseSecretBoxKey(boxText);
  if (signingKeys?.ok === false)
    problems.push({ variable: "JWT_SIGNING_KEYS", problem: signingKeys.problem });
  if (boxKey?.ok === false) problems.push({ variable: "SECRET_BOX_KEY", problem: boxKey.problem });
  if (
    productionMode &&
    raw("PUBLIC_URL") === undefined &&
    (raw("ZARINPAL_MERCHANT_ID") !== undefined || raw("IDPAY_API_KEY") !== undefined)
  ) {
    problems.push({
      variable: "PUBLIC_URL",
      problem: "is required in production when a payment gateway is configured: payers return to it",
    });
  }
  const ovhGiven = OVH_CREDENTIALS.filter((name) => raw(name) !== undefined);
  if (ovhGiven.length > 0 && ovhGiven.length < OVH_CREDENTIALS.length) {
    for (const name of OVH_CREDENTIALS.filter((n) => raw(n) === undefined)) {
      problems.push({
        variable: name,
        problem: `is required with ${ovhGiven.join(", ")}: OVH needs all four`,
      });
    }
  }
  if (productionMode && raw("DUNNING_SANDBOX_TIME_SCALE") !== undefined) {
    problems.push({
      variable: "DUNNING_SANDBOX_TIME_SCALE",
      problem: "shortens dunning's windows and is for sandbox mode only",
    });
  }
  if (!parsed.success || problems.length > 0 || !signingKeys?.ok || !boxKey?.ok)
    throw new ConfigError(problems);

  const values = parsed.data;
  const publicUrl = values.PUBLIC_URL ?? defaultPublicUrl(values.HOST, values.PORT);
  return {
    nodeEnv: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    // PORT=0 (tests, several apps on one machine) asks for a free port: so does the metrics port then.
    metricsPort: values.METRICS_PORT ?? (values.PORT === 0 ? 0 : DEFAULT_METRICS_PORT),
    sentryDsn: values.SENTRY_DSN ?? null,
    otlpEndpoint: values.OTEL_EXPORTER_OTLP_ENDPOINT ?? null,
    dataDir,
    databaseUrl: values.DATABASE_URL ?? null,
    pgliteDir: join(dataDir, "pglite"),
    redisUrl: values.REDIS_URL ?? null,
    sandbox: values.DATABASE_URL === undefined,
    deploymentName: values.DEPLOYMENT_NAME,
    logLevel: values.LOG_LEVEL,
    accessTokenTtlSeconds: values.ACCESS_TOKEN_TTL_SECONDS,
    refreshGraceSeconds: values.REFRESH_GRACE_SECONDS,
    sessionCacheTtlMs: values.SESSION_CACHE_TTL_MS,
    trustProxy: values.TRUST_PROXY,
    role: values.ROLE,
    publicUrl,
    paymentResultUrl: values.PAYMENT_RESULT_URL ?? `${publicUrl}/payments/result`,
    topUpCeilingRials: values.TOP_UP_CEILING_RIALS,
    topUpStarts: {
      perWindow: values.TOP_UP_STARTS_PER_WINDOW,
      windowSeconds: values.TOP_UP_START_WINDOW_SECONDS,
    },
    zarinpalBaseUrl: values.ZARINPAL_BASE_URL ?? null,
    idpayBaseUrl: values.IDPAY_BASE_URL ?? null,
    idpaySandbox: values.IDPAY_SANDBOX,
    secrets: { jwtSigningKeys: signingKeys.value, secretBoxKey: boxKey.value },
    paymentSecrets: {
      zarinpalMerchantId: values.ZARINPAL_MERCHANT_ID ?? null,
      idpayApiKey: values.IDPAY_API_KEY ?? null,
    },
    catalogFile: values.CATALOG_FILE ? resolve(process.cwd(), values.CATALOG_FILE) : DEFAULT_CATALOG_FILE,
    serverQuotaDefault: values.SERVER_QUOTA_DEFAULT,
    cloudEndpoints: {
      digitalocean: values.DIGITALOCEAN_BASE_URL ?? null,
      hetzner: values.HETZNER_BASE_URL ?? null,
      ovh: values.OVH_ENDPOINT ?? null,
    },
    vatRateBasisPoints: values.VAT_RATE_PERCENT,
    seller: {
      name: values.SELLER_NAME,
      nationalId: values.SELLER_NATIONAL_ID,
      economicCode: values.SELLER_ECONOMIC_CODE,
      address: values.SELLER_ADDRESS,
    },
    ovhProjectId: values.OVH_PROJECT_ID ?? null,
    ovhApplicationKey: values.OVH_APPLICATION_KEY ?? null,
    cloudSecrets: {
      digitaloceanToken: values.DIGITALOCEAN_TOKEN ?? null,
      hetznerToken: values.HETZNER_TOKEN ?? null,
      ovhApplicationSecret: values.OVH_APPLICATION_SECRET ?? null,
      ovhConsumerKey: values.OVH_CONSUMER_KEY ?? null,
    },
    gatewayLimits: {
      maxQueryBytes: values.MAX_QUERY_BYTES,
      documentCacheBytes: values.DOCUMENT_CACHE_MB * 1024 * 1024,
      wsOperationsPerSecond: values.WS_OPERATIONS_PER_SECOND,
      wsSubscriptionsPerSocket: values.WS_SUBSCRIPTIONS_PER_SOCKET,
      wsSocketsPerUser: values.WS_SOCKETS_PER_USER,
      wsSocketsPerAddress: values.WS_SOCKETS_PER_ADDRESS,
      wsInitTimeoutMs: values.WS_INIT_TIMEOUT_MS,
    },
    dunning: dunningWindows(values),
    smtpUrl: values.SMTP_URL ?? null,
    mailFrom: values.MAIL_FROM,
    kavenegarBaseUrl: values.KAVENEGAR_BASE_URL ?? null,
    kavenegarSender: values.KAVENEGAR_SENDER ?? null,
    smsSecrets: { kavenegarApiKey: values.KAVENEGAR_API_KEY ?? null },
  };
}

const HOUR_MS = 3_600_000;

/** In sandbox mode a person can watch a whole episode: the scale divides every window. */
function dunningWindows(values: z.infer<typeof environmentSchema>): Config["dunning"] {
  const scale = values.DATABASE_URL === undefined ? values.DUNNING_SANDBOX_TIME_SCALE : 1;
  const hours = (n: number) => Math.round((n * HOUR_MS) / scale);
  return {
    noticeWindowMs: hours(values.DUNNING_NOTICE_HOURS),
    graceMs: hours(values.DUNNING_GRACE_HOURS),
    terminateAfterMs: hours(values.DUNNING_TERMINATE_AFTER_DAYS * 24),
    terminationWarningMs: hours(values.DUNNING_TERMINATION_WARNING_HOURS),
  };
}

/** A wildcard listening address is no address a browser can go back to: use localhost for it. */
function defaultPublicUrl(host: string, port: number): string {
  const reachable = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}
