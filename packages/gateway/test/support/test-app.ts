import { loadConfig, openPgliteDatabase, type Config, type Database } from "@peykarband/infrastructure";
import { expectLedgerBalanced } from "@peykarband/infrastructure/testing";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type App, type AppOverrides } from "../../src/composition/create-app.ts";

export interface TestApp {
  readonly app: App;
  readonly config: Config;
  readonly database: Database;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * Configuration past what the environment can say: loadConfig refuses an access-token lifetime
   * under 60 s, and token-expiry tests move the clock past a few seconds only.
   */
  readonly config?: Partial<Config>;
  readonly accountPolicy?: AppOverrides["accountPolicy"];
  /** The app's clock, for tests that move time (token expiry) instead of waiting or faking `Date`. */
  readonly clock?: AppOverrides["clock"];
}

/** The real app on an ephemeral port of 127.0.0.1, over an in-memory PGlite of its own. */
export async function startTestApp(
  env: NodeJS.ProcessEnv = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "pk-gateway-"));
  const config: Config = {
    ...loadConfig({ NODE_ENV: "test", HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, ...env }),
    ...options.config,
  };
  const database = await openPgliteDatabase();
  const app = await createApp(config, {
    database,
    clock: options.clock,
    ...(options.accountPolicy ? { accountPolicy: options.accountPolicy } : {}),
  });
  return {
    app,
    config,
    database,
    async close() {
      await app.close();
      try {
        // The ledger balances after every test file.
        await expectLedgerBalanced(database.db);
      } finally {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
