import { WEBHOOK_JOB_NAME } from "@peykarband/application";
import { webhookBody, type WebhookEvent } from "@peykarband/domain";
import { sql } from "drizzle-orm";
import { transactionSqlExecutor, type TransactionalJobSender } from "../servers/transaction.sql-executor.ts";
import type { Tx } from "../wallet/ledger-write.ts";
import { rowsOf } from "../database/result-rows.ts";

/**
 * Writes one delivery per endpoint subscribed to the event's type, of the event's user and of that
 * user's reseller (who operates its customers: docs/api.md, Resellers), each with its
 * `webhooks.deliver` job, inside the transaction of what caused the event: they commit with it or
 * not at all. Nobody else's endpoint hears it. The same event written again (a retried
 * transaction) adds nothing. A user without endpoints costs one statement that finds none.
 */
export async function writeWebhookDeliveries(
  tx: Tx,
  jobs: TransactionalJobSender,
  event: WebhookEvent,
): Promise<void> {
  const result: unknown = await tx.execute(sql`
    insert into webhook_deliveries (id, endpoint_id, user_id, event_id, event_type, body, created_at)
    select gen_random_uuid(), e.id, e.user_id, ${event.id}, ${event.type}, ${webhookBody(event)},
      ${event.occurredAt.toISOString()}::timestamptz
    from webhook_endpoints e
    join users u on u.id = ${event.userId}
    where e.user_id in (u.id, u.reseller_id) and e.disabled_at is null and ${event.type} = any(e.events)
    on conflict (event_id, endpoint_id) where redelivery_of is null do nothing
    returning id`);
  const rows = rowsOf<{ id: string }>(result);
  for (const { id } of rows) {
    const job = await jobs.sendWith(transactionSqlExecutor(tx), WEBHOOK_JOB_NAME, { deliveryId: id });
    if (job === null)
      throw new Error(`job queue ${WEBHOOK_JOB_NAME} refused the job (does the queue exist?)`);
  }
}
