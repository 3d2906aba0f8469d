import type { DocumentNode } from "graphql";
import type { GraphQLClient } from "graphql-request";
import { createClient as createWsClient, type Client as WsClient, type ClientOptions } from "graphql-ws";
import { errorCodes } from "./errors.ts";
import { getSdk, type LogOutMutation, type SdkFunctionWrapper } from "./generated/sdk.ts";
import { httpTransport } from "./http-transport.ts";
import { keyedOperations, type PeykarbandOperations } from "./idempotency.ts";
import { retryingFetch, type RetryOptions } from "./retry.ts";
import { SESSION_OPERATIONS, sessionIn, type SessionTokens } from "./session.ts";
import { subscribeWith } from "./subscribe.ts";
import { watchServerStatus, type ServerStatusEvent } from "./watch-server-status.ts";

/** How to reach the API, whatever the client acts as. */
interface ClientSettings {
  /** The GraphQL endpoint, e.g. `https://api.example.ir/graphql`. Subscriptions use the same URL over `ws(s)://`. */
  url: string;
  /**
   * Called whenever the stored tokens change: after sign-up, sign-in, a refresh (automatic or not),
   * and with `null` after sign-out or when the session cannot be refreshed any more. Persist them here.
   */
  onTokens?: (tokens: SessionTokens | null) => void;
  /** Extra headers on every HTTP request, e.g. `{ "accept-language": "fa" }` for Persian messages. */
  headers?: Record<string, string>;
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof fetch;
  /** Retries of requests that are safe to send twice; `{ retries: 0 }` turns them off. */
  retry?: RetryOptions;
  /** A WebSocket implementation where there is no global one (Node 20: `import WebSocket from "ws"`). */
  webSocketImpl?: unknown;
  /** More graphql-ws client options (`retryAttempts`, `retryWait`, `lazy`, `on`, …) for subscriptions. */
  webSocketOptions?: Omit<ClientOptions, "url" | "connectionParams" | "webSocketImpl">;
}

/**
 * Whom the client acts as: a partner API key (sent as the bearer token, never refreshed), or a
 * session, e.g. read back from storage; with neither it starts signed out and keeps the session
 * that a sign-up or sign-in returns.
 */
export type PeykarbandClientOptions = ClientSettings &
  ({ apiKey: string; session?: never } | { session?: SessionTokens | null; apiKey?: never });

/**
 * Every operation in `schema/operations` as a typed method (`client.LogIn({ input })`), plus the
 * session handling around them.
 *
 * Methods resolve to the operation's `data`. Expected failures arrive in `userErrors`; a
 * top-level error (UNAUTHENTICATED, FORBIDDEN, a limit, …) rejects with a `ClientError` whose
 * `response.errors[].extensions.code` says which, and `response.status` the HTTP status. The last
 * argument of each method is an `AbortSignal`, which also ends the waits between retries.
 */
export interface PeykarbandClient extends PeykarbandOperations {
  /** Replaces the stored tokens (and calls `onTokens`). Sign-up, sign-in, refresh and sign-out do this themselves. */
  setTokens(tokens: SessionTokens | null): void;
  /** The tokens in use now, or null when signed out. */
  tokens(): SessionTokens | null;
  /**
   * Trades the refresh token for a new pair now. Concurrent callers share one request, so a
   * refresh token is never sent twice. Resolves false when there is no session or it has ended.
   */
  refresh(): Promise<boolean>;
  /**
   * The graphql-ws client on the same endpoint, created on first use. Its `connection_init`
   * carries `{ authorization: "Bearer …" }` with the current credential, refreshed first when
   * it is about to expire. It reconnects after a connection loss and subscribes again.
   */
  subscriptions(): WsClient;
  /**
   * Runs a subscription from `schema/operations` over the WebSocket and yields each event's
   * `data`. Rejects with a `SubscriptionError` when the API refuses or ends it with errors.
   * Leave the loop (`break`) to stop.
   */
  subscribe<Data, Variables extends Record<string, unknown> = Record<string, unknown>>(
    document: DocumentNode,
    variables?: Variables,
  ): AsyncIterableIterator<Data>;
  /**
   * One server's status, from its current state on: each change, and after a lost connection the
   * state read again over HTTP before the stream goes on, so no change is missed. Ends when
   * `signal` aborts or the loop is left.
   *
   * @example
   * ```ts
   * for await (const event of client.watchServerStatus(serverId)) {
   *   if (event.status === "ACTIVE") break;
   * }
   * ```
   */
  watchServerStatus(serverId: string, signal?: AbortSignal): AsyncIterableIterator<ServerStatusEvent>;
  /** Closes the WebSocket, if one was opened. */
  dispose(): Promise<void>;
}

/** Refresh this long before the access token expires when opening a WebSocket. */
const EXPIRY_MARGIN_MS = 15_000;

/**
 * Creates a typed client for the Peykarband API.
 *
 * With a session it keeps the tokens: it stores the session that sign-up, sign-in and refresh
 * return, and forgets it after sign-out. When a request is refused as UNAUTHENTICATED because the
 * access token has expired, it refreshes the session once and retries the request once.
 * Queries, and mutations carrying an idempotency key (added when missing), are retried with
 * backoff after a network error, 429, 502, 503 or 504; other mutations never are.
 *
 * @example
 * ```ts
 * const client = createPeykarbandClient({ url: "https://api.example.ir/graphql", session: load(), onTokens: save });
 * const { logIn } = await client.LogIn({ input: { email, password } });
 * if (logIn.userErrors.length > 0) show(logIn.userErrors);
 * const { viewer } = await client.Viewer();
 * ```
 */
export function createPeykarbandClient(options: PeykarbandClientOptions): PeykarbandClient {
  const apiKey = options.apiKey ?? null;
  let tokens: SessionTokens | null = options.session ?? null;
  const setTokens = (next: SessionTokens | null) => {
    tokens = next;
    options.onTokens?.(next);
  };
  const bearer = (): string | null => apiKey ?? tokens?.accessToken ?? null;
  const authorization = (token: string | null): Record<string, string> =>
    token ? { authorization: `Bearer ${token}` } : {};

  const http = httpTransport(
    options.url,
    retryingFetch(options.fetch ?? globalThis.fetch, options.retry ?? {}),
    options.headers,
  );

  let refreshing: Promise<boolean> | null = null;
  const refresh = (): Promise<boolean> => {
    refreshing ??= (async () => {
      const current = tokens;
      if (!current || apiKey) return false;
      try {
        // Stored by the wrapper on success.
        const { refreshSession } = await sdk.RefreshSession({
          input: { refreshToken: current.refreshToken },
        });
        if (refreshSession.session) return true;
        // Expired, revoked or reused: this session is over. Someone may have signed in meanwhile.
        if (tokens === current) setTokens(null);
        return false;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  };

  const wrapper: SdkFunctionWrapper = async (action, operationName) => {
    if (SESSION_OPERATIONS.has(operationName)) {
      const data = await action();
      const session = sessionIn(operationName, data);
      if (session) setTokens(session);
      return data;
    }
    const sent = bearer();
    let data;
    try {
      data = await action(authorization(sent));
    } catch (error) {
      const expired = errorCodes(error).includes("UNAUTHENTICATED");
      if (!expired || apiKey || !tokens) throw error;
      // Another request may have refreshed already while this one was in flight.
      if (tokens.accessToken === sent && !(await refresh())) throw error;
      data = await action(authorization(bearer()));
    }
    if (operationName === "LogOut" && (data as LogOutMutation).logOut.loggedOut) setTokens(null);
    return data;
  };
  // getSdk only ever calls `request({ document, variables, requestHeaders, signal })`.
  const sdk = getSdk(http as unknown as GraphQLClient, wrapper);

  let ws: WsClient | null = null;
  const subscriptions = (): WsClient => {
    ws ??= createWsClient({
      ...options.webSocketOptions,
      url: options.url.replace(/^http/, "ws"),
      ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
      connectionParams: async () => {
        const expiresAt = tokens?.accessTokenExpiresAt;
        if (!apiKey && expiresAt && Date.parse(expiresAt) - Date.now() < EXPIRY_MARGIN_MS) {
          await refresh();
        }
        return authorization(bearer());
      },
    });
    return ws;
  };
  const subscribe = <Data>(document: DocumentNode, variables: Record<string, unknown> = {}) =>
    subscribeWith<Data>(subscriptions(), document, variables);

  return {
    ...keyedOperations(sdk),
    setTokens,
    tokens: () => tokens,
    refresh,
    subscriptions,
    subscribe: subscribe as PeykarbandClient["subscribe"],
    watchServerStatus: (serverId, signal) =>
      watchServerStatus(
        {
          subscribe,
          server: async (id, abort) => (await sdk.Server({ id }, undefined, abort)).server,
          onReconnected: (listener) =>
            subscriptions().on("connected", (_socket, _payload, wasRetry) => {
              if (wasRetry) listener();
            }),
        },
        serverId,
        signal,
      ),
    async dispose() {
      await ws?.dispose();
      ws = null;
    },
  };
}
