import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { measureCost } from "../limits/query-cost.ts";
import { QUERY_LIMITS } from "../limits/query-limits.ts";
import { refuseDeepVariables } from "../limits/variables-depth.ts";
import { isUnexpected } from "./format-error.ts";
import { operationLabel } from "./operation-label.ts";
import type { OperationRecorder } from "./operation-recorder.ts";
import { failOperationSpan, nameOperationSpan } from "./operation-span.ts";

/**
 * Everything the gateway adds around an HTTP operation, in one plugin because Apollo calls every
 * plugin's hooks on every request: refuses too deep variables and an over-cost operation once the
 * variables are known, before any resolver runs, and reports the cost; marks the response
 * uncacheable; logs and measures every operation, including those refused before execution; names
 * the request's GraphQL span (operation-span.ts) after its operation.
 */
export function operationPlugin(recorder: OperationRecorder): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      let cost: number | null = null;
      return {
        async didResolveOperation({ schema, document, request, operation, operationName }) {
          if (operation) nameOperationSpan(operation.operation, operationName ?? null);
          const tooDeep = refuseDeepVariables(request.variables);
          if (tooDeep) throw tooDeep;
          cost = measureCost(schema, document, request.variables, operationName ?? undefined);
        },
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isUnexpected(error)) {
              failOperationSpan(error);
              recorder.unexpected(unwrapResolverError(error), {
                requestId: contextValue.requestId,
                operationName: operationName ?? null,
              });
            }
          }
        },
        async willSendResponse({ response, contextValue, operation, operationName }) {
          // What Apollo's cache-control plugin (turned off) answers when no field gives a cache
          // hint, as none of ours does; it got there through a hook on every resolved field.
          response.http.headers.set("cache-control", "no-store");
          const result = response.body.kind === "single" ? response.body.singleResult : null;
          if (result && cost !== null) {
            const report = { requested: cost, limit: QUERY_LIMITS.maxCost };
            if (result.extensions) result.extensions["cost"] = report;
            else result.extensions = { cost: report };
          }
          recorder.finished({
            requestId: contextValue.requestId,
            viewerId: contextValue.viewer?.userId ?? null,
            operationName: operationName ?? null,
            label: operationLabel(operation),
            durationMs: performance.now() - started,
            errors: result?.errors ?? [],
            userErrors: contextValue.outcome.userErrors,
          });
        },
      };
    },
  };
}
