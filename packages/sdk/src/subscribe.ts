import { print, type DocumentNode, type GraphQLFormattedError } from "graphql";
import type { Client as WsClient } from "graphql-ws";
import { SubscriptionError } from "./errors.ts";

/**
 * Runs a subscription and yields each event's `data`, as a plain iterator rather than an async
 * generator: `return()` must stop the subscription even while a `next()` is waiting for an event
 * that may never come.
 */
export function subscribeWith<Data>(
  ws: WsClient,
  document: DocumentNode,
  variables: Record<string, unknown>,
): AsyncIterableIterator<Data> {
  const results = ws.iterate<Data>({ query: print(document), variables });
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
}
