import { createPeykarbandClient, type PeykarbandClient, type SessionTokens } from "@peykarband/sdk";

/** Kept in the browser so a reload keeps the user signed in; the SDK refreshes it when it expires. */
const STORAGE_KEY = "peykarband.session";

function storedSession(): SessionTokens | null {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  return saved ? (JSON.parse(saved) as SessionTokens) : null;
}

/**
 * The dashboard's one SDK client, on the page's own origin (the gateway serves both; behind a CDN,
 * /graphql is routed to it). Messages in `userErrors` arrive in Persian.
 */
export function createDashboardClient(onSignedIn: (signedIn: boolean) => void): PeykarbandClient {
  return createPeykarbandClient({
    url: new URL("/graphql", window.location.href).href,
    headers: { "accept-language": "fa" },
    session: storedSession(),
    onTokens: (tokens) => {
      if (tokens) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
      else window.localStorage.removeItem(STORAGE_KEY);
      onSignedIn(tokens !== null);
    },
  });
}
