import type { WebhookDelivery, WebhookEndpoint } from "@peykarband/domain";
import { toKeysetPageQuery, type CountedPage, type PageRequest } from "../ports/keyset-page.ts";
import type { WebhookCursor } from "../ports/webhook.repository.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { WebhookDeps } from "./webhook-deps.ts";

/** The viewer's own endpoints, newest first, disabled ones included. */
export async function webhookEndpoints(
  deps: WebhookDeps,
  request: PageRequest<WebhookCursor>,
  ctx: RequestContext,
): Promise<{ endpoints: WebhookEndpoint[]; hasMore: boolean } & CountedPage> {
  const { userId } = requireViewer(ctx);
  const page = await deps.webhooks.listEndpoints(userId, toKeysetPageQuery(request));
  return { ...page, countAll: () => deps.webhooks.countEndpoints(userId) };
}

/** The deliveries of one of the viewer's endpoints, newest first; an empty page for anyone else's. */
export async function webhookDeliveries(
  deps: WebhookDeps,
  input: { endpointId: string; page: PageRequest<WebhookCursor> },
  ctx: RequestContext,
): Promise<{ deliveries: WebhookDelivery[]; hasMore: boolean } & CountedPage> {
  const { userId } = requireViewer(ctx);
  const page = await deps.webhooks.listDeliveries(userId, input.endpointId, toKeysetPageQuery(input.page));
  return {
    ...(page ?? { deliveries: [], hasMore: false }),
    countAll: () => deps.webhooks.countDeliveries(userId, input.endpointId),
  };
}
