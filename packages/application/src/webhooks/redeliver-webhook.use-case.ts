import {
  domainError,
  err,
  ok,
  type DomainError,
  type Result,
  type WebhookDelivery,
} from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { WebhookDeps } from "./webhook-deps.ts";
import type { RedeliverWebhookErrorCode } from "./webhook-errors.ts";

/** Sends a delivery's event again to its endpoint, as a new delivery with its own attempts. */
export async function redeliverWebhook(
  deps: WebhookDeps,
  input: { deliveryId: string },
  ctx: RequestContext,
): Promise<Result<{ delivery: WebhookDelivery }, DomainError<RedeliverWebhookErrorCode>>> {
  const viewer = requireViewer(ctx);
  const delivery = await deps.webhooks.redeliver(
    viewer.userId,
    input.deliveryId,
    deps.ids.newId(),
    deps.clock.now(),
  );
  if (!delivery) {
    return err(
      domainError("WEBHOOK_DELIVERY_NOT_FOUND", "You have no such delivery, or its endpoint is disabled.", [
        "deliveryId",
      ]),
    );
  }
  await recordAudit(deps, ctx, "WEBHOOK_REDELIVERED", {
    details: { webhookDeliveryId: input.deliveryId, redeliveryId: delivery.id },
  });
  return ok({ delivery });
}
