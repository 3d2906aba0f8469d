import { print, type DocumentNode, type FormattedExecutionResult } from "graphql";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

export interface HttpResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: FormattedExecutionResult<T>;
}

export interface RequestOptions {
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

/**
 * Raw GraphQL over HTTP and WebSocket for the e2e tests. Kept to these two calls so the generated
 * SDK (packages/sdk) can replace it without touching what the tests assert.
 */
export class GraphQLTestClient {
  constructor(readonly url: string) {}

  async post<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    return this.raw(JSON.stringify({ query, variables }), options);
  }

  async raw<T = Record<string, unknown>>(
    body: string,
    options: RequestOptions & { contentType?: string } = {},
  ): Promise<HttpResponse<T>> {
    const response = await fetch(this.url, {
      method: "POST",
      headers: {
        "content-type": options.contentType ?? "application/json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body,
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as FormattedExecutionResult<T>,
    };
  }

  /** A graphql-ws client; `authorization` goes in connection_init as clients send it. */
  ws(token?: string): Client {
    return createClient({
      url: this.url.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => {},
    });
  }
}

/**
 * Runs one operation over the socket and returns its single result (queries and mutations).
 * Takes a query string or a parsed document, such as the SDK's `ViewerDocument`.
 */
export function wsOnce<T = Record<string, unknown>>(
  client: Client,
  document: string | DocumentNode,
  variables: Record<string, unknown> = {},
): Promise<FormattedExecutionResult<T>> {
  const query = typeof document === "string" ? document : print(document);
  return new Promise((resolve, reject) => {
    let result: FormattedExecutionResult<T> | undefined;
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          result = value as FormattedExecutionResult<T>;
        },
        error: (error: unknown) => {
          if (Array.isArray(error)) resolve({ errors: error } as FormattedExecutionResult<T>);
          else reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        },
        complete: () => (result ? resolve(result) : reject(new Error("completed without a result"))),
      },
    );
  });
}
