import type { PageRequest } from "../ports/keyset-page.ts";
import type { WebhookCursor, WebhookJobData } from "../ports/webhook.repository.ts";
import type { RequestContext } from "../shared/request-context.ts";
import {
  createWebhookEndpoint,
  type CreateWebhookEndpointInput,
} from "./create-webhook-endpoint.use-case.ts";
import { deleteWebhookEndpoint } from "./delete-webhook-endpoint.use-case.ts";
import { deliverWebhook } from "./deliver-webhook.use-case.ts";
import { redeliverWebhook } from "./redeliver-webhook.use-case.ts";
import type { WebhookDeps } from "./webhook-deps.ts";
import { webhookDeliveries, webhookEndpoints } from "./webhook-reads.ts";

/** The webhook use cases bound to their ports, named after their GraphQL operations (and the job). */
export function createWebhookUseCases(deps: WebhookDeps) {
  return {
    createWebhookEndpoint: (input: CreateWebhookEndpointInput, ctx: RequestContext) =>
      createWebhookEndpoint(deps, input, ctx),
    deleteWebhookEndpoint: (input: { endpointId: string }, ctx: RequestContext) =>
      deleteWebhookEndpoint(deps, input, ctx),
    webhookEndpoints: (request: PageRequest<WebhookCursor>, ctx: RequestContext) =>
      webhookEndpoints(deps, request, ctx),
    webhookDeliveries: (
      input: { endpointId: string; page: PageRequest<WebhookCursor> },
      ctx: RequestContext,
    ) => webhookDeliveries(deps, input, ctx),
    redeliverWebhook: (input: { deliveryId: string }, ctx: RequestContext) =>
      redeliverWebhook(deps, input, ctx),
    deliverWebhook: (job: WebhookJobData) => deliverWebhook(deps, job),
  };
}

export type WebhookUseCases = ReturnType<typeof createWebhookUseCases>;
