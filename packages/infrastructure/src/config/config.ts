import { join, resolve } from "node:path";
import { z } from "zod";
import { ConfigError, type ConfigProblem } from "./config-error.ts";
import { loadOrCreateSandboxSecrets, SANDBOX_SECRETS_FILE } from "./sandbox-secrets.ts";
import { parseSecretBoxKey, parseSigningKeys, type SigningKey } from "./secret-keys.ts";

export const LOG_LEVELS = ["error", "warn", "info", "http", "verbose", "debug", "silly"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  readonly nodeEnv: "development" | "production" | "test";
  readonly host: string;
  readonly port: number;
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
  /** Reverse-proxy hops in front of the gateway whose X-Forwarded-For can be trusted. */
  readonly trustProxy: number;
  readonly role: "all" | "gateway" | "worker";
  readonly secrets: {
    /** The first signs; all verify. */
    readonly jwtSigningKeys: readonly SigningKey[];
    readonly secretBoxKey: Buffer;
  };
}

const blankAsMissing = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const env = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsMissing, schema);
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

const schema = z.object({
  NODE_ENV: env(z.enum(["development", "production", "test"]).default("development")),
  HOST: env(z.string().default("127.0.0.1")),
  PORT: env(integer(0, 65_535).default(4000)),
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
  TRUST_PROXY: env(integer(0, 10).default(0)),
  ROLE: env(z.enum(["all", "gateway", "worker"]).default("all")),
});

/**
 * Reads and validates the environment once, at start. Throws a ConfigError naming every bad
 * variable. In sandbox mode missing keys are generated once and kept in the data dir.
 */
export function loadConfig(environment: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(environment);
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
  if (!parsed.success || problems.length > 0 || !signingKeys?.ok || !boxKey?.ok)
    throw new ConfigError(problems);

  const values = parsed.data;
  return {
    nodeEnv: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    dataDir,
    databaseUrl: values.DATABASE_URL ?? null,
    pgliteDir: join(dataDir, "pglite"),
    redisUrl: values.REDIS_URL ?? null,
    sandbox: values.DATABASE_URL === undefined,
    deploymentName: values.DEPLOYMENT_NAME,
    logLevel: values.LOG_LEVEL,
    accessTokenTtlSeconds: values.ACCESS_TOKEN_TTL_SECONDS,
    trustProxy: values.TRUST_PROXY,
    role: values.ROLE,
    secrets: { jwtSigningKeys: signingKeys.value, secretBoxKey: boxKey.value },
  };
}
