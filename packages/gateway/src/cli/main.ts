import { ConfigError, loadConfig } from "@peykarband/infrastructure";
import { parseArgs } from "node:util";
import { createAdmin } from "./create-admin.command.ts";
import { migrateDatabase } from "./migrate.command.ts";
import { readPassword } from "./read-password.ts";

const USAGE = `Usage: pnpm cli create-admin --email <address>
  The password is read from PEYKARBAND_ADMIN_PASSWORD, or else from stdin.
       pnpm cli migrate
  Applies the database migrations (DATABASE_URL, or the sandbox's PGlite) and exits.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "migrate" && rest.length === 0) {
    const config = loadConfig(process.env);
    await migrateDatabase(config);
    console.log(`Database migrated (${config.sandbox ? "embedded PGlite" : "PostgreSQL"}).`);
    return 0;
  }
  if (command !== "create-admin") {
    console.error(USAGE);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { email: { type: "string" } }, strict: true });
  if (!values.email) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig(process.env);
  const outcome = await createAdmin(config, { email: values.email, password: await readPassword() });
  if (!outcome.ok) {
    console.error(outcome.message);
    return 1;
  }
  console.log(
    outcome.created
      ? `Created administrator ${outcome.email}.`
      : `${outcome.email} existed already and is now an administrator.`,
  );
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof TypeError ? error.message : error);
  process.exitCode = 1;
}
