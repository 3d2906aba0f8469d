import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import { endWith, startDatabaseSpan } from "../tracing/database-span.ts";

/** `target` with some members replaced; every other method stays bound to `target` (PGlite keeps private fields). */
function withMembers<T extends object>(target: T, members: Readonly<Record<string, unknown>>): T {
  return new Proxy(target, {
    get(object, key) {
      if (typeof key === "string" && Object.hasOwn(members, key)) return members[key];
      const value: unknown = Reflect.get(object, key, object);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

type Queries = Pick<Transaction, "query" | "exec">;

const tracedQueries = <T extends Queries>(target: T): Pick<T, "query" | "exec"> => ({
  query: ((text: string, params?: unknown[], options?: object) =>
    endWith(startDatabaseSpan(text, "pglite"), target.query(text, params, options))) as T["query"],
  exec: ((text: string, options?: object) =>
    endWith(startDatabaseSpan(text, "pglite"), target.exec(text, options))) as T["exec"],
});

/**
 * PGlite whose every statement is a span, in or out of a transaction: what drizzle and pg-boss
 * use. Made only when tracing is on at open, so a process without tracing runs the plain client.
 */
export function tracedPglite(client: PGlite): PGlite {
  return withMembers(client, {
    ...tracedQueries(client),
    transaction: <T>(work: (tx: Transaction) => Promise<T>) =>
      client.transaction((tx) => work(withMembers(tx, tracedQueries(tx)))),
  });
}

/**
 * postgres.js whose statements through `unsafe` (all of drizzle's and pg-boss's) are spans, in
 * transactions and savepoints too. Observing the query starts it, as awaiting would: postgres.js
 * sends it a microtask later, after drizzle's synchronous `.values()`.
 */
export function tracedPostgres(sql: Sql): Sql {
  const traced = (target: Sql): Sql =>
    withMembers(target, {
      unsafe: ((text: string, ...rest: unknown[]) => {
        const query = (target.unsafe as (...args: unknown[]) => Promise<unknown>)(text, ...rest);
        void endWith(startDatabaseSpan(text, "postgres"), Promise.resolve(query));
        return query;
      }) as Sql["unsafe"],
      begin: ((...args: unknown[]) => {
        const work = args.pop() as (tx: Sql) => unknown;
        return (target.begin as (...a: unknown[]) => unknown)(...args, (tx: Sql) => work(traced(tx)));
      }) as Sql["begin"],
      savepoint: ((...args: unknown[]) => {
        const work = args.pop() as (tx: Sql) => unknown;
        const inTransaction = target as unknown as { savepoint: (...a: unknown[]) => unknown };
        return inTransaction.savepoint(...args, (tx: Sql) => work(traced(tx)));
      }) as never,
    });
  return traced(sql);
}
