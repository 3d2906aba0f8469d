import type { Database } from "@peykarband/infrastructure";
import type { CloudSimulators } from "@peykarband/simulators";
import { randomBytes } from "node:crypto";

/**
 * What a production deployment puts in the environment of `main.ts` (either role), its clouds being
 * the test's simulators, reached only through the DIGITALOCEAN_*, HETZNER_* and OVH_* variables.
 */
export function deploymentEnv(input: {
  readonly databaseUrl: string;
  readonly clouds: CloudSimulators;
  readonly dataDir: string;
  /** Starts the unique DEPLOYMENT_NAME, so runs never share pub/sub channels or provider marks. */
  readonly deploymentPrefix: string;
}): Record<string, string> {
  const { digitalocean, hetzner, ovh } = input.clouds;
  return {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: input.dataDir,
    LOG_LEVEL: "info",
    DATABASE_URL: input.databaseUrl,
    DEPLOYMENT_NAME: `${input.deploymentPrefix}-${randomBytes(4).toString("hex")}`,
    JWT_SIGNING_KEYS: `k1:${randomBytes(32).toString("base64url")}`,
    SECRET_BOX_KEY: randomBytes(32).toString("base64"),
    DIGITALOCEAN_BASE_URL: digitalocean.url,
    DIGITALOCEAN_TOKEN: digitalocean.token,
    HETZNER_BASE_URL: hetzner.url,
    HETZNER_TOKEN: hetzner.token,
    OVH_ENDPOINT: `${ovh.url}/1.0`,
    OVH_PROJECT_ID: ovh.serviceName,
    OVH_APPLICATION_KEY: ovh.credentials.applicationKey,
    OVH_APPLICATION_SECRET: ovh.credentials.applicationSecret,
    OVH_CONSUMER_KEY: ovh.credentials.consumerKey,
  };
}

/** The scratch database's own URL: `testDatabases()` does not say which database it created. */
export async function scratchDatabaseUrl(database: Database): Promise<string> {
  if (database.kind !== "postgres") throw new Error("expected a PostgreSQL scratch database");
  const [row] = await database.client<{ name: string }[]>`select current_database() as name`;
  const url = new URL(process.env["DATABASE_URL"]!);
  url.pathname = `/${row!.name}`;
  return url.toString();
}
