import { DirectoryInUseError, openDatabase, type Config, type Database } from "@peykarband/infrastructure";
import { composeAccountAdapters, composeAccounts } from "../composition/compose-accounts.ts";
import {
  createAdminWith,
  type CreateAdminInput,
  type CreateAdminOutcome,
} from "../operator/create-admin.operation.ts";
import { operatorSocketPath } from "../operator/operator-socket.ts";
import { askRunningServer } from "./ask-running-server.ts";

export type { CreateAdminOutcome } from "../operator/create-admin.operation.ts";

/**
 * Creates an ADMIN, or promotes an existing account keeping its password. For operators, not the API.
 * In sandbox mode with the server running, the server holds the embedded database, so it is asked
 * to do the write over its operator socket; the answer comes after the write is committed.
 */
export async function createAdmin(
  config: Config,
  input: CreateAdminInput,
  database?: Database,
): Promise<CreateAdminOutcome> {
  if (database) return createAdminIn(database, config, input);
  let db: Database;
  try {
    db = await openDatabase(config);
  } catch (error) {
    if (!(error instanceof DirectoryInUseError)) throw error;
    const socket = operatorSocketPath(config.dataDir);
    const answer = await askRunningServer(socket, { command: "create-admin", ...input });
    return (
      answer ?? {
        ok: false,
        message:
          `${config.dataDir} is in use by process ${error.owner.pid}, which takes no operator requests ` +
          `(nothing answers at ${socket}). Stop that process, then run this command again.`,
      }
    );
  }
  try {
    return await createAdminIn(db, config, input);
  } finally {
    await db.close();
  }
}

async function createAdminIn(
  db: Database,
  config: Config,
  input: CreateAdminInput,
): Promise<CreateAdminOutcome> {
  await db.migrate();
  const useCases = composeAccounts(composeAccountAdapters(db, config), config);
  return createAdminWith(useCases, input);
}
