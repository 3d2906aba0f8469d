import {
  GraphQLError,
  GraphQLInt,
  GraphQLObjectType,
  GraphQLSchema,
  parse,
  type ExecutionResult,
} from "graphql";
import { describe, expect, it } from "vitest";
import { sharedSubscribe } from "./shared-subscribe.ts";

/** A channel whose subscribers all receive the very same event objects, as the status feed's do. */
function channel() {
  const queues: { push(event: object): void }[] = [];
  return {
    publish: (event: object) => queues.forEach((q) => q.push(event)),
    subscribe(): AsyncIterableIterator<object> {
      const buffered: object[] = [];
      let wake: (() => void) | null = null;
      let closed = false;
      queues.push({ push: (event) => (buffered.push(event), wake?.()) });
      const iterator: AsyncIterableIterator<object> = {
        async next() {
          while (buffered.length === 0 && !closed) await new Promise<void>((resolve) => (wake = resolve));
          return closed ? { done: true, value: undefined } : { done: false, value: buffered.shift()! };
        },
        async return() {
          closed = true;
          wake?.();
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
  };
}

describe("sharedSubscribe", () => {
  const ticks = channel();
  let executions = 0;
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLInt } } }),
    subscription: new GraphQLObjectType({
      name: "Subscription",
      fields: {
        tick: {
          type: GraphQLInt,
          subscribe: () => ticks.subscribe(),
          resolve: (event: { n: number }) => {
            executions++;
            if (event.n < 0) throw new Error("no negative ticks");
            return event.n;
          },
        },
      },
    }),
  });
  const open = async (userId: string, query = "subscription { tick }") => {
    const result = await sharedSubscribe({
      schema,
      document: parse(query),
      contextValue: { viewer: { userId, role: "CUSTOMER" }, locale: "fa" },
    });
    return result as AsyncGenerator<ExecutionResult>;
  };

  it("executes an event once for every subscription of the same viewer, query and variables", async () => {
    const same = await Promise.all([open("u1"), open("u1"), open("u1")]);
    const other = await open("u2");
    const otherQuery = await open("u1", "subscription Named { tick }");
    executions = 0;
    ticks.publish({ n: 7 });
    for (const subscription of [...same, other, otherQuery]) {
      expect(await subscription.next()).toEqual({ done: false, value: { data: { tick: 7 } } });
    }
    // Once for the three alike, once for the other viewer, once for the other document.
    expect(executions).toBe(3);
    for (const subscription of [...same, other, otherQuery]) await subscription.return(undefined);
  });

  it("sends every subscription of the same key one result made of plain objects", async () => {
    const [first, second] = await Promise.all([open("u4"), open("u4")]);
    ticks.publish({ n: 8 });
    const [a, b] = [(await first.next()).value, (await second.next()).value];
    expect(a).toBe(b);
    expect(Object.getPrototypeOf(a.data)).toBe(Object.prototype);
    for (const subscription of [first, second]) await subscription.return(undefined);
  });

  it("leaves a result with errors as it is, its errors still GraphQLErrors", async () => {
    const subscription = await open("u5");
    ticks.publish({ n: -1 });
    const { value } = await subscription.next();
    expect(value.errors?.[0]).toBeInstanceOf(GraphQLError);
    expect(value.errors?.[0]?.message).toBe("no negative ticks");
    await subscription.return(undefined);
  });

  it("ends the source at once when a waiting subscription is returned", async () => {
    const subscription = await open("u3");
    const waiting = subscription.next();
    await expect(subscription.return(undefined)).resolves.toEqual({ done: true, value: undefined });
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
  });
});
