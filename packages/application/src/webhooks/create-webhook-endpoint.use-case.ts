import {
  domainError,
  err,
  isWebhookEventType,
  ok,
  parseWebhookUrl,
  WEBHOOK_SECRET_PREFIX,
  type DomainError,
  type Result,
  type WebhookEndpoint,
  type WebhookEventType,
} from "@peykarband/domain";
import { recordAudit } from "../audit/record-audit.ts";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { WebhookDeps } from "./webhook-deps.ts";
import type { CreateWebhookEndpointErrorCode } from "./webhook-errors.ts";

export interface CreateWebhookEndpointInput {
  readonly url: string;
  readonly events: readonly string[];
}

const MAX_WEBHOOK_ENDPOINTS_PER_USER = 16;
const SECRET_BYTES = 32;

/** Creates an endpoint for the viewer and returns its signing secret: the only time anyone sees it. */
export async function createWebhookEndpoint(
  deps: WebhookDeps,
  input: CreateWebhookEndpointInput,
  ctx: RequestContext,
): Promise<
  Result<{ endpoint: WebhookEndpoint; secret: string }, DomainError<CreateWebhookEndpointErrorCode>>
> {
  const viewer = requireViewer(ctx);
  const url = parseWebhookUrl(input.url.trim());
  if (!url.ok) return url;
  const events = [...new Set(input.events)];
  if (events.length === 0 || !events.every(isWebhookEventType)) {
    return err(domainError("INVALID_EVENTS", "Subscribe to one or more known events.", ["events"]));
  }
  if ((await deps.webhooks.countEndpoints(viewer.userId)) >= MAX_WEBHOOK_ENDPOINTS_PER_USER) {
    return err(
      domainError(
        "TOO_MANY_WEBHOOK_ENDPOINTS",
        `You may keep at most ${MAX_WEBHOOK_ENDPOINTS_PER_USER} webhook endpoints; delete one.`,
      ),
    );
  }
  const reachable = await deps.sender.check(url.value);
  if (reachable === "UNRESOLVABLE") {
    return err(domainError("WEBHOOK_URL_INVALID", "The URL's host does not resolve.", ["url"]));
  }
  if (reachable === "FORBIDDEN") {
    return err(
      domainError("WEBHOOK_URL_FORBIDDEN", "The URL's host is a loopback, private or reserved address.", [
        "url",
      ]),
    );
  }
  const secret = `${WEBHOOK_SECRET_PREFIX}${deps.random.token(SECRET_BYTES)}`;
  const endpoint: WebhookEndpoint = {
    id: deps.ids.newId(),
    userId: viewer.userId,
    url: url.value.toString(),
    events: events as WebhookEventType[],
    createdAt: deps.clock.now(),
    disabledAt: null,
    disabledReason: null,
    failingSince: null,
  };
  await deps.webhooks.createEndpoint({ ...endpoint, sealedSecret: deps.secretBox.seal(secret) });
  await recordAudit(deps, ctx, "WEBHOOK_ENDPOINT_CREATED", {
    details: { webhookEndpointId: endpoint.id, events: endpoint.events.join(" ") },
  });
  return ok({ endpoint, secret });
}
