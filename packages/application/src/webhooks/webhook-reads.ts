import type { WebhookDelivery, WebhookEndpoint } from "@peykarband/domain";
import { toKeysetPageQuery, type PageRequest } from "../ports/keyset-page.ts";
import type { WebhookCursor } from "../ports/webhook.repository.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { WebhookDeps } from "./webhook-deps.ts";

/** The viewer's own endpoints, newest first, disabled ones included. */
export const webhookEndpoints = (
  deps: WebhookDeps,
  request: PageRequest<WebhookCursor>,
  ctx: RequestContext,
): Promise<{ endpoints: WebhookEndpoint[]; hasMore: boolean }> =>
  deps.webhooks.listEndpoints(requireViewer(ctx).userId, toKeysetPageQuery(request));

/** The deliveries of one of the viewer's endpoints, newest first; an empty page for anyone else's. */
export async function webhookDeliveries(
  deps: WebhookDeps,
  input: { endpointId: string; page: PageRequest<WebhookCursor> },
  ctx: RequestContext,
): Promise<{ deliveries: WebhookDelivery[]; hasMore: boolean }> {
  const userId = requireViewer(ctx).userId;
  const page = await deps.webhooks.listDeliveries(userId, input.endpointId, toKeysetPageQuery(input.page));
  return page ?? { deliveries: [], hasMore: false };
}
