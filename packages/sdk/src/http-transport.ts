import { Kind, print, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { ClientError } from "graphql-request";

interface PreparedDocument {
  readonly query: string;
  readonly operationName: string | undefined;
}

/** What the generated `getSdk` calls on its client. */
export interface GraphQLTransport {
  request<Data>(options: {
    document: DocumentNode;
    variables?: object;
    requestHeaders?: ConstructorParameters<typeof Headers>[0];
    signal?: RequestInit["signal"];
  }): Promise<Data>;
}

/**
 * GraphQL over HTTP POST with graphql-request's semantics (the data, or a `ClientError` carrying
 * `status`, `headers`, `body` and the `errors`), but with each document printed once: graphql-request
 * prints and walks the document on every call, which was most of the SDK's cost over a raw fetch.
 */
export function httpTransport(
  url: string,
  fetch: typeof globalThis.fetch,
  headers: ConstructorParameters<typeof Headers>[0] = {},
): GraphQLTransport {
  const prepared = new WeakMap<DocumentNode, PreparedDocument>();
  const prepare = (document: DocumentNode): PreparedDocument => {
    let found = prepared.get(document);
    if (!found) {
      const operation = document.definitions.find(
        (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
      );
      found = { query: print(document), operationName: operation?.name?.value };
      prepared.set(document, found);
    }
    return found;
  };

  return {
    async request<Data>({
      document,
      variables,
      requestHeaders,
      signal,
    }: Parameters<GraphQLTransport["request"]>[0]) {
      const { query, operationName } = prepare(document);
      const sent = new Headers(headers);
      new Headers(requestHeaders).forEach((value, name) => sent.set(name, value));
      sent.set("content-type", "application/json");
      sent.set("accept", "application/graphql-response+json, application/json");
      const response = await fetch(url, {
        method: "POST",
        headers: sent,
        body: JSON.stringify({ query, variables, operationName }),
        ...(signal ? { signal } : {}),
      });
      const body = await response.text();
      let result: { data?: Data; errors?: unknown[]; extensions?: unknown } | undefined;
      try {
        result = JSON.parse(body) as typeof result;
      } catch (error) {
        if (response.ok) throw error;
      }
      const context = { status: response.status, headers: response.headers, body };
      if (!response.ok || result?.errors) {
        throw new ClientError({ ...result, ...context } as ConstructorParameters<typeof ClientError>[0], {
          query,
          variables: variables as Record<string, unknown>,
        });
      }
      return result!.data as Data;
    },
  };
}
