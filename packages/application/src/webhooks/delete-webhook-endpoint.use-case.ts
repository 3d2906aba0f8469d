import {
  domainError,
  err,
  ok,
  type DomainError,
  type Result,
  type WebhookEndpoint,
} from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { WebhookDeps } from "./webhook-deps.ts";
import type { DeleteWebhookEndpointErrorCode } from "./webhook-errors.ts";

/** Deletes one of the viewer's endpoints with its deliveries: nothing more is sent to it. */
export async function deleteWebhookEndpoint(
  deps: WebhookDeps,
  input: { endpointId: string },
  ctx: RequestContext,
): Promise<Result<{ endpoint: WebhookEndpoint }, DomainError<DeleteWebhookEndpointErrorCode>>> {
  const viewer = requireViewer(ctx);
  const deleted = await deps.webhooks.deleteEndpoint(viewer.userId, input.endpointId);
  if (!deleted) {
    return err(
      domainError("WEBHOOK_ENDPOINT_NOT_FOUND", "You have no such webhook endpoint.", ["endpointId"]),
    );
  }
  await recordAudit(deps, ctx, "WEBHOOK_ENDPOINT_DELETED", { details: { webhookEndpointId: deleted.id } });
  return ok({ endpoint: deleted });
}
