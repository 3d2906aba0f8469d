import "reflect-metadata";
import { ConfigError, loadConfig } from "@peykarband/infrastructure";
import { createApp } from "./composition/create-app.ts";

function readConfig() {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const config = readConfig();
const app = await createApp(config);
app.logger.info(
  config.sandbox
    ? `Peykarband API listening on ${app.url} in SANDBOX mode: embedded database, nothing real is charged`
    : `Peykarband API listening on ${app.url}`,
  { sandbox: config.sandbox, nodeEnv: config.nodeEnv },
);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.logger.info(`${signal}: draining and shutting down`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error("shutdown failed", { error: error instanceof Error ? error.stack : String(error) });
        process.exit(1);
      },
    );
  });
}
