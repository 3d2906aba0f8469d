import {
  isWebhookSuccess,
  nextWebhookAttemptAt,
  shouldDisableWebhookEndpoint,
  signatureHeader,
  signatureTimestamp,
  signedPayload,
  WEBHOOK_SIGNATURE_HEADER,
} from "@peykarband/domain";
import { noticeMessages } from "../notifications/notice-messages.ts";
import type { WebhookJobData } from "../ports/webhook.repository.ts";
import type { WebhookDeps } from "./webhook-deps.ts";

export type WebhookAttemptReport =
  | { readonly status: "SUCCEEDED" | "FAILED" | "RETRY" }
  /** Nothing sent: the delivery is gone, finished, or its endpoint disabled; or another run recorded it. */
  | { readonly status: "SKIPPED" };

const DISABLED_REASON = "Every delivery failed for 24 hours.";

/**
 * The `webhooks.deliver` job: one signed POST of one delivery, its answer recorded. A failure is
 * scheduled again by the retry schedule as a new job written with the record, until the delivery
 * is a day old; an endpoint failing for a whole day is disabled in the same write, which also
 * writes the owner's notice (email, and SMS with a mobile number) to the outbox.
 */
export async function deliverWebhook(deps: WebhookDeps, job: WebhookJobData): Promise<WebhookAttemptReport> {
  const found = await deps.webhooks.findForAttempt(job.deliveryId);
  if (!found || found.delivery.status !== "PENDING") return { status: "SKIPPED" };
  const { delivery, endpoint } = found;
  if (endpoint.disabledAt) {
    await deps.webhooks.abandon(delivery.id, "the endpoint is disabled");
    return { status: "SKIPPED" };
  }
  const timestamp = signatureTimestamp(deps.clock.now());
  const hmac = deps.signer.hmacSha256Hex(
    deps.secretBox.open(found.sealedSecret),
    signedPayload(timestamp, delivery.body),
  );
  const answer = await deps.sender.post({
    url: endpoint.url,
    body: delivery.body,
    headers: {
      "content-type": "application/json",
      [WEBHOOK_SIGNATURE_HEADER]: signatureHeader(timestamp, hmac),
      "peykarband-event-id": delivery.eventId,
      "peykarband-delivery-id": delivery.id,
    },
  });
  const at = deps.clock.now();
  const succeeded = answer.kind === "ANSWERED" && isWebhookSuccess(answer.status);
  const retryAt = succeeded
    ? null
    : nextWebhookAttemptAt(
        { createdAt: delivery.createdAt, attempts: delivery.attempts + 1 },
        at,
        deps.retryDelaysSeconds,
      );
  const disable = !succeeded && shouldDisableWebhookEndpoint(endpoint.failingSince, at);
  const outcome = succeeded
    ? ({ status: "SUCCEEDED" } as const)
    : retryAt && !disable
      ? ({ status: "RETRY", retryInSeconds: Math.ceil((retryAt.getTime() - at.getTime()) / 1000) } as const)
      : ({ status: "FAILED" } as const);
  const recorded = await deps.webhooks.recordAttempt({
    deliveryId: delivery.id,
    endpointId: endpoint.id,
    attemptsBefore: delivery.attempts,
    at,
    responseStatus: answer.kind === "ANSWERED" ? answer.status : null,
    responseTimeMs: answer.responseTimeMs,
    error: answer.kind === "FAILED" ? answer.reason : null,
    outcome,
    disableEndpoint: disable
      ? {
          reason: DISABLED_REASON,
          notices: noticeMessages(
            deps,
            {
              userId: endpoint.userId,
              cause: `webhook-endpoint:${endpoint.id}`,
              contact: await deps.webhooks.ownerContact(endpoint.userId),
              at,
            },
            {
              kind: "WEBHOOK_ENDPOINT_DISABLED",
              url: endpoint.url,
              failingSince: endpoint.failingSince ?? at,
            },
          ),
        }
      : null,
  });
  return recorded ? { status: outcome.status } : { status: "SKIPPED" };
}
