import { serverStatusChangedEvent, type ServerStatusChange } from "@peykarband/domain";
import { serverStatusChanges } from "../database/schema.ts";
import type { Tx } from "../wallet/ledger-write.ts";
import { writeWebhookDeliveries } from "../webhooks/webhook-event.writer.ts";
import { toStatusChange } from "./server-rows.ts";
import type { TransactionalJobSender } from "./transaction.sql-executor.ts";

/**
 * Appends a server's status change to its history, and writes its SERVER_STATUS_CHANGED webhook
 * deliveries in the same transaction.
 */
export async function writeStatusChange(
  tx: Tx,
  jobs: TransactionalJobSender,
  change: Omit<ServerStatusChange, "server">,
): Promise<ServerStatusChange> {
  const [history] = await tx.insert(serverStatusChanges).values(change).returning();
  if (!history) throw new Error(`history of server ${change.serverId} not written`);
  const written = toStatusChange(history);
  await writeWebhookDeliveries(tx, jobs, serverStatusChangedEvent(written));
  return written;
}
