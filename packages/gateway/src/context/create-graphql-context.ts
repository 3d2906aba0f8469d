import type { AccountUseCases, Viewer } from "@peykarband/application";
import { API_KEY_PREFIX, type User } from "@peykarband/domain";
import { unauthenticated } from "../graphql/gateway-errors.ts";
import { preferredLocale } from "../i18n/locale.ts";
import type { AppInfo, GraphQLContext, GraphQLUseCases } from "./graphql-context.ts";
import { RequestLoaders } from "./request-loaders.ts";
import type { SubscriptionSlots } from "./subscription-slots.ts";

/** What both transports know about a request, taken from HTTP headers or the WebSocket's connection_init. */
export interface RequestFacts {
  readonly requestId: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly authorization: string | null;
  readonly acceptLanguage: string | null;
  /** The WebSocket's subscription count, shared by its operations; absent on HTTP. */
  readonly subscriptionSlots?: SubscriptionSlots;
}

export interface ContextDeps {
  readonly useCases: GraphQLUseCases;
  readonly app: AppInfo;
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;
/** Checked apart from the pattern: a bounded repetition of 4096 makes every match slower. */
const MAX_TOKEN_LENGTH = 4096;

/**
 * The bearer is a session's access token, or an API key (recognised by its `pkb_` prefix).
 * A present but unusable credential is refused outright, never downgraded to anonymous: a client
 * with an expired token must learn it has to refresh, not silently see a signed-out API.
 */
export async function resolveViewer(
  useCases: AccountUseCases,
  authorization: string | null,
): Promise<Viewer | null> {
  return (await resolveViewerWithUser(useCases, authorization))?.viewer ?? null;
}

/** As resolveViewer, with the signed-in user read in the same query (null if the account is gone). */
async function resolveViewerWithUser(
  useCases: AccountUseCases,
  authorization: string | null,
): Promise<{ viewer: Viewer; user: User | null } | null> {
  const credential = authorization?.trim();
  if (!credential) return null;
  const token = BEARER.exec(credential)?.[1];
  if (token?.startsWith(API_KEY_PREFIX)) {
    const found = await useCases.authenticateApiKey(token);
    if (!found) throw unauthenticated("The API key is invalid or revoked.");
    return found;
  }
  const found = token && token.length <= MAX_TOKEN_LENGTH ? await useCases.authenticateWithUser(token) : null;
  if (!found)
    throw unauthenticated("The access token is invalid or expired; refresh the session or sign in again.");
  return found;
}

export async function createGraphQLContext(facts: RequestFacts, deps: ContextDeps): Promise<GraphQLContext> {
  const signedIn = await resolveViewerWithUser(deps.useCases.accounts, facts.authorization);
  const viewer = signedIn?.viewer ?? null;
  // Written out rather than spread: object spreads cost microseconds a request here (per profile).
  const requestContext = {
    requestId: facts.requestId,
    ip: facts.ip,
    userAgent: facts.userAgent,
    viewer,
  };
  const viewerUser = signedIn?.user ?? null;
  return {
    requestId: facts.requestId,
    ip: facts.ip,
    userAgent: facts.userAgent,
    viewer,
    viewerUser,
    useCases: deps.useCases,
    // The viewer may always see themselves: a resolver loading the viewer (an audit actor, say) needs no read.
    loaders: new RequestLoaders(deps.useCases, requestContext, viewerUser),
    locale: preferredLocale(facts.acceptLanguage),
    app: deps.app,
    outcome: { userErrors: false },
    subscriptionSlots: facts.subscriptionSlots ?? null,
  };
}
