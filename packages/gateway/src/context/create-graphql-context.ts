import type { AccountUseCases, Viewer } from "@peykarband/application";
import { unauthenticated } from "../graphql/gateway-errors.ts";
import { preferredLocale } from "../i18n/locale.ts";
import type { AppInfo, GraphQLContext } from "./graphql-context.ts";
import { createUserLoaders } from "./user-loaders.ts";

/** What both transports know about a request, taken from HTTP headers or the WebSocket's connection_init. */
export interface RequestFacts {
  readonly requestId: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly authorization: string | null;
  readonly acceptLanguage: string | null;
}

export interface ContextDeps {
  readonly useCases: AccountUseCases;
  readonly app: AppInfo;
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,4096})$/;

/**
 * A present but unusable credential is refused outright, never downgraded to anonymous: a client
 * with an expired token must learn it has to refresh, not silently see a signed-out API.
 */
export async function resolveViewer(
  useCases: AccountUseCases,
  authorization: string | null,
): Promise<Viewer | null> {
  if (authorization === null || authorization.trim() === "") return null;
  const match = BEARER.exec(authorization.trim());
  const viewer = match ? await useCases.authenticate(match[1]!) : null;
  if (!viewer)
    throw unauthenticated("The access token is invalid or expired; refresh the session or sign in again.");
  return viewer;
}

export async function createGraphQLContext(facts: RequestFacts, deps: ContextDeps): Promise<GraphQLContext> {
  const request = {
    requestId: facts.requestId,
    ip: facts.ip,
    userAgent: facts.userAgent,
    viewer: await resolveViewer(deps.useCases, facts.authorization),
  };
  return {
    ...request,
    useCases: deps.useCases,
    loaders: createUserLoaders(deps.useCases, request),
    locale: preferredLocale(facts.acceptLanguage),
    app: deps.app,
    outcome: { userErrors: false },
  };
}
