import type { GraphQLError } from "graphql";
import { limitExceeded } from "../graphql/gateway-errors.ts";
import { QUERY_LIMITS } from "./query-limits.ts";

/** How deeply lists and objects nest in `value`, the value itself counting one; walked without recursion. */
function nestingDepth(value: unknown, stopPast: number): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth > deepest) deepest = depth;
    if (deepest > stopPast) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === "object") pending.push([child, depth + 1]);
    }
  }
  return deepest;
}

/**
 * VARIABLES_TOO_DEEP, or null. JSON.parse takes any depth without recursing, but what reads the
 * variables next (the cost's cache key, graphql-js coercion) recurses, and a stack overflow there
 * was a 500 on HTTP and a 4500 close on WebSocket.
 */
export function refuseDeepVariables(variables: unknown): GraphQLError | null {
  const max = QUERY_LIMITS.maxVariablesDepth;
  if (nestingDepth(variables, max) <= max) return null;
  return limitExceeded(
    "VARIABLES_TOO_DEEP",
    `Variables nest lists and objects more than ${max} levels deep; no input of this API is that deep.`,
  );
}
