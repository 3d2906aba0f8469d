import type { Config, Database, Logger } from "@peykarband/infrastructure";
import { createAdminWith } from "../operator/create-admin.operation.ts";
import { fitsSocketAddress, operatorSocketPath } from "../operator/operator-socket.ts";
import { serveOperatorSocket, type OperatorSocket } from "../operator/serve-operator-socket.ts";
import { composeAccountAdapters, composeAccounts } from "./compose-accounts.ts";

/**
 * In sandbox mode this process alone may open the embedded database, so `pnpm cli create-admin`
 * hands its request to it here instead of writing beside it.
 */
export async function openOperatorSocket(
  config: Config,
  database: Database,
  logger: Logger,
): Promise<OperatorSocket | null> {
  const path = operatorSocketPath(config.dataDir);
  if (!fitsSocketAddress(path)) {
    logger.warn(
      `No operator socket: ${path} is too long for a Unix socket. Stop this process to run pnpm cli create-admin, or use a shorter DATA_DIR.`,
    );
    return null;
  }
  const useCases = composeAccounts(composeAccountAdapters(database, config), config);
  return serveOperatorSocket(
    path,
    async (request) => {
      const outcome = await createAdminWith(useCases, request);
      logger.info(`operator request ${request.command}`, { ok: outcome.ok });
      return outcome;
    },
    (message) => logger.error("operator request failed", { error: message }),
  );
}
