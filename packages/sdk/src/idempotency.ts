import { idempotentOperations } from "./generated/operation-facts.ts";
import type { Sdk } from "./generated/sdk.ts";

/** Variables whose `input.idempotencyKey`, where there is one, may be left out. */
type KeyOptional<V> = V extends { input: infer I }
  ? I extends { idempotencyKey: string }
    ? Omit<V, "input"> & { input: Omit<I, "idempotencyKey"> & { idempotencyKey?: string } }
    : V
  : V;

/**
 * Every operation of `schema/operations` as a typed method: `(variables, requestHeaders?, signal?)`.
 * Mutations that take an `idempotencyKey` (`OrderServer`, `StartTopUp`, …) get a fresh one when
 * the caller gives none; pass your own to make a retry of yours, after a crash, safe as well.
 */
export type PeykarbandOperations = {
  [K in keyof Sdk]: Sdk[K] extends (...args: infer A) => infer Out
    ? (...args: { [I in keyof A]: I extends "0" ? KeyOptional<A[I]> : A[I] }) => Out
    : never;
};

/** The variables with an idempotency key added, for a mutation that takes one and was given none. */
function withIdempotencyKey(operationName: string, variables: unknown): unknown {
  if (!idempotentOperations.has(operationName)) return variables;
  const { input } = variables as { input: { idempotencyKey?: string | null } };
  if (input.idempotencyKey != null) return variables;
  return { ...(variables as object), input: { ...input, idempotencyKey: globalThis.crypto.randomUUID() } };
}

/** The SDK's methods, each adding an idempotency key where one is missing. */
export function keyedOperations(sdk: Sdk): PeykarbandOperations {
  const methods = Object.entries(sdk).map(([name, call]) => [
    name,
    (variables: unknown, ...rest: unknown[]) =>
      (call as (...args: unknown[]) => unknown)(withIdempotencyKey(name, variables), ...rest),
  ]);
  return Object.fromEntries(methods) as PeykarbandOperations;
}
