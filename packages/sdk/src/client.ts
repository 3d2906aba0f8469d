import { print, type DocumentNode, type GraphQLFormattedError } from "graphql";
import { ClientError, GraphQLClient } from "graphql-request";
import { createClient as createWsClient, type Client as WsClient, type ClientOptions } from "graphql-ws";
import {
  getSdk,
  type LogInMutation,
  type LogOutMutation,
  type RefreshSessionMutation,
  type RegisterUserMutation,
  type Sdk,
  type SdkFunctionWrapper,
  type SessionFieldsFragment,
} from "./generated/sdk.ts";

export { ClientError } from "graphql-request";

/** The credentials of a session, as `registerUser`, `logIn` and `refreshSession` return them. */
export interface SessionTokens {
  /** Short-lived bearer token for every request. */
  accessToken: string;
  /** Single-use token to get the next pair. Keep it secret: using one twice ends the session. */
  refreshToken: string;
  /** When the access token stops working (ISO 8601). Lets subscriptions refresh before connecting. */
  accessTokenExpiresAt?: string;
}

/**
 * A subscription refused or ended by the API: `errors[].extensions.code` says why, e.g.
 * UNAUTHENTICATED, NOT_FOUND or TOO_MANY_SUBSCRIPTIONS.
 */
export class SubscriptionError extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors.map((error) => error.message).join("; ") || "The subscription failed.");
    this.name = "SubscriptionError";
  }
}

/** How to reach the API and whom to act as. */
export interface PeykarbandClientOptions {
  /** The GraphQL endpoint, e.g. `https://api.example.ir/graphql`. Subscriptions use the same URL over `ws(s)://`. */
  url: string;
  /** Tokens from an earlier session, e.g. read back from storage. */
  tokens?: SessionTokens | null;
  /** A partner API key, sent as the bearer token instead of a session's access token; never refreshed. */
  apiKey?: string;
  /**
   * Called whenever the stored tokens change: after sign-up, sign-in, a refresh (automatic or not),
   * and with `null` after sign-out or when the session cannot be refreshed any more. Persist them here.
   */
  onTokens?: (tokens: SessionTokens | null) => void;
  /** Extra headers on every HTTP request, e.g. `{ "accept-language": "fa" }` for Persian messages. */
  headers?: Record<string, string>;
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof fetch;
  /** A WebSocket implementation where there is no global one (Node 20: `import WebSocket from "ws"`). */
  webSocketImpl?: unknown;
  /** More graphql-ws client options (`retryAttempts`, `lazy`, `on`, …) for {@link PeykarbandClient.subscriptions}. */
  webSocketOptions?: Omit<ClientOptions, "url" | "connectionParams" | "webSocketImpl">;
}

/**
 * Every operation in `schema/operations` as a typed method (`client.LogIn({ input })`), plus the
 * session handling around them.
 *
 * Methods resolve to the operation's `data`. Expected failures arrive in `userErrors`; a
 * top-level error (UNAUTHENTICATED, FORBIDDEN, a limit, …) rejects with a {@link ClientError}
 * whose `response.errors[].extensions.code` says which, and `response.status` the HTTP status.
 */
export interface PeykarbandClient extends Sdk {
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
   * A graphql-ws client on the same endpoint, created on first use. Its `connection_init`
   * carries `{ authorization: "Bearer …" }` with the current access token, refreshed first when
   * it is about to expire.
   */
  subscriptions(): WsClient;
  /**
   * Runs a subscription from `schema/operations` over the WebSocket and yields each event's
   * `data`. Rejects with a {@link SubscriptionError} when the API refuses or ends it with errors.
   * Leave the loop (`break`) to stop watching.
   *
   * @example
   * ```ts
   * const events = client.subscribe<ServerStatusChangedSubscription, ServerStatusChangedSubscriptionVariables>(
   *   ServerStatusChangedDocument,
   *   { serverId },
   * );
   * for await (const { serverStatusChanged } of events) {
   *   console.log(serverStatusChanged.status, serverStatusChanged.server.ipv4);
   *   if (serverStatusChanged.status === "ACTIVE") break;
   * }
   * ```
   */
  subscribe<Data, Variables extends Record<string, unknown> = Record<string, unknown>>(
    document: DocumentNode,
    variables?: Variables,
  ): AsyncIterableIterator<Data>;
  /** Closes the WebSocket, if one was opened. */
  dispose(): Promise<void>;
}

/** The `extensions.code` of each top-level GraphQL error in a rejection from the client; empty for other errors. */
export function errorCodes(error: unknown): string[] {
  const errors =
    error instanceof ClientError
      ? (error.response.errors ?? [])
      : error instanceof SubscriptionError
        ? error.errors
        : [];
  return errors.flatMap((e) => {
    const code = e.extensions?.["code"];
    return typeof code === "string" ? [code] : [];
  });
}

/** Operations that create a session: they never send one, so a stale token cannot get in their way. */
const SESSION_OPERATIONS = new Set(["RegisterUser", "LogIn", "RefreshSession"]);

/** Refresh this long before the access token expires when opening a WebSocket. */
const EXPIRY_MARGIN_MS = 15_000;

const toTokens = (session: SessionFieldsFragment): SessionTokens => ({
  accessToken: session.accessToken,
  refreshToken: session.refreshToken,
  accessTokenExpiresAt: session.accessTokenExpiresAt,
});

function sessionIn(operationName: string, data: unknown): SessionFieldsFragment | null {
  switch (operationName) {
    case "RegisterUser":
      return (data as RegisterUserMutation).registerUser.session;
    case "LogIn":
      return (data as LogInMutation).logIn.session;
    case "RefreshSession":
      return (data as RefreshSessionMutation).refreshSession.session;
    default:
      return null;
  }
}

/**
 * Creates a typed client for the Peykarband API.
 *
 * The client keeps the session's tokens: it stores the session that sign-up, sign-in and refresh
 * return, and forgets it after sign-out. When a request is refused as UNAUTHENTICATED because the
 * access token has expired, it refreshes the session once and retries the request once.
 *
 * @example
 * ```ts
 * const client = createPeykarbandClient({
 *   url: "https://api.example.ir/graphql",
 *   tokens: load(),
 *   onTokens: save,
 * });
 * const { logIn } = await client.LogIn({ input: { email, password } });
 * if (logIn.userErrors.length > 0) show(logIn.userErrors);
 * const { viewer } = await client.Viewer();
 * ```
 */
export function createPeykarbandClient(options: PeykarbandClientOptions): PeykarbandClient {
  let tokens: SessionTokens | null = options.tokens ?? null;
  const setTokens = (next: SessionTokens | null) => {
    tokens = next;
    options.onTokens?.(next);
  };
  const bearer = (): string | null => options.apiKey ?? tokens?.accessToken ?? null;
  const authorization = (token: string | null): Record<string, string> =>
    token ? { authorization: `Bearer ${token}` } : {};

  const http = new GraphQLClient(options.url, {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });

  let refreshing: Promise<boolean> | null = null;
  const refresh = (): Promise<boolean> => {
    refreshing ??= (async () => {
      const current = tokens;
      if (!current || options.apiKey) return false;
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
      if (session) setTokens(toTokens(session));
      return data;
    }
    const sent = bearer();
    let data;
    try {
      data = await action(authorization(sent));
    } catch (error) {
      const expired = errorCodes(error).includes("UNAUTHENTICATED");
      if (!expired || options.apiKey || !tokens) throw error;
      // Another request may have refreshed already while this one was in flight.
      if (tokens.accessToken === sent && !(await refresh())) throw error;
      data = await action(authorization(bearer()));
    }
    if (operationName === "LogOut" && (data as LogOutMutation).logOut.loggedOut) setTokens(null);
    return data;
  };
  const sdk = getSdk(http, wrapper);

  let ws: WsClient | null = null;
  const subscriptions = (): WsClient => {
    ws ??= createWsClient({
      ...options.webSocketOptions,
      url: options.url.replace(/^http/, "ws"),
      ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
      connectionParams: async () => {
        const expiresAt = tokens?.accessTokenExpiresAt;
        if (!options.apiKey && expiresAt && Date.parse(expiresAt) - Date.now() < EXPIRY_MARGIN_MS) {
          await refresh();
        }
        return authorization(bearer());
      },
    });
    return ws;
  };

  // A plain iterator, not an async generator: `return()` must stop the subscription even while
  // a `next()` is waiting for an event that may never come.
  const subscribe = <Data>(
    document: DocumentNode,
    variables: Record<string, unknown> = {},
  ): AsyncIterableIterator<Data> => {
    const results = subscriptions().iterate<Data>({ query: print(document), variables });
    const stop = async (): Promise<IteratorReturnResult<undefined>> => {
      await results.return?.();
      return { done: true, value: undefined };
    };
    const iterator: AsyncIterableIterator<Data> = {
      [Symbol.asyncIterator]: () => iterator,
      async next() {
        let result;
        try {
          result = await results.next();
        } catch (error) {
          // graphql-ws rejects with the bare error list when the API refuses the operation.
          if (Array.isArray(error)) throw new SubscriptionError(error as GraphQLFormattedError[]);
          throw error;
        }
        if (result.done) return { done: true, value: undefined };
        if (result.value.errors?.length) {
          await stop();
          throw new SubscriptionError(result.value.errors);
        }
        return { done: false, value: result.value.data as Data };
      },
      return: stop,
    };
    return iterator;
  };

  return {
    ...sdk,
    setTokens,
    tokens: () => tokens,
    refresh,
    subscriptions,
    subscribe: subscribe as PeykarbandClient["subscribe"],
    async dispose() {
      await ws?.dispose();
      ws = null;
    },
  };
}
