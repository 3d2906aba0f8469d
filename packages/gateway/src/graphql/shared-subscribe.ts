import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from "graphql";
import type { GraphQLContext } from "../context/graphql-context.ts";

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * Results of one published event, by who asked and what: the event object is shared by every
 * subscriber of its channel, so this map lives exactly as long as some subscriber still holds it.
 */
const resultsByEvent = new WeakMap<object, Map<string, Result>>();

/**
 * graphql-js's `subscribe`, except that an event delivered to many subscriptions of the same viewer,
 * locale, document and variables is executed once and its result sent to all of them: 500 sockets
 * of one dashboard watching one user's servers cost one execution per change, not 500. Sharing
 * needs the event to be the very same object for every subscriber (the status feed makes sure of
 * that); anything else is executed per subscriber as usual.
 */
export async function sharedSubscribe(
  args: ExecutionArgs,
): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return source;
  const key = shareKey(args);
  return mapEvents(source, (event) => {
    if (key === null || typeof event !== "object" || event === null)
      return execute({ ...args, rootValue: event });
    let results = resultsByEvent.get(event);
    if (!results) {
      results = new Map();
      resultsByEvent.set(event, results);
    }
    let result = results.get(key);
    if (!result) {
      result = Promise.resolve(execute({ ...args, rootValue: event })).then(asPlainObjects);
      results.set(key, result);
    }
    return result;
  });
}

/**
 * graphql-ws serializes a result once per socket, and graphql-js builds it of null-prototype
 * objects, which JSON.stringify (and graphql-ws's spreading) takes a slow path on: copied once into
 * plain objects, a shared result costs each socket about a quarter less CPU on its way out.
 * Serializing once for all sockets is not to be had: graphql-ws takes no serialized payload, and
 * JSON.rawJSON, which would let it pass one through, is not in Node 20. A result with errors is
 * left as it is: its errors are formatted and recorded per operation.
 */
function asPlainObjects(result: ExecutionResult): ExecutionResult {
  return result.errors ? result : (JSON.parse(JSON.stringify(result)) as ExecutionResult);
}

/** Null when the request cannot be told apart reliably: then nothing is shared. */
function shareKey(args: ExecutionArgs): string | null {
  const text = args.document.loc?.source.body;
  const context = args.contextValue as Partial<GraphQLContext> | undefined;
  if (text === undefined || !context?.viewer) return null;
  return JSON.stringify([
    context.viewer.userId,
    context.viewer.role,
    context.locale ?? null,
    text,
    args.operationName ?? null,
    args.variableValues ?? null,
  ]);
}

function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/**
 * Maps each event. An iterator, not an async generator: a generator waiting on the source's next()
 * cannot be returned until an event arrives, so a client leaving a quiet stream would leak its feed
 * subscription; here return() reaches the source at once.
 */
function mapEvents(
  source: AsyncIterable<unknown>,
  map: (event: unknown) => Result,
): AsyncGenerator<ExecutionResult> {
  const events = source[Symbol.asyncIterator]();
  const finished = (): IteratorReturnResult<undefined> => ({ done: true, value: undefined });
  const mapped: AsyncGenerator<ExecutionResult> = {
    async next() {
      const next = await events.next();
      return next.done ? finished() : { done: false, value: await map(next.value) };
    },
    async return() {
      await events.return?.();
      return finished();
    },
    async throw(error: unknown) {
      await events.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}
