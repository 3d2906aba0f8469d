import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { measureCost } from "../limits/query-cost.ts";
import { QUERY_LIMITS } from "../limits/query-limits.ts";

/** Refuses over-cost operations once the variables are known, before any resolver runs; reports the cost. */
export function costPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let cost: number | null = null;
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          cost = measureCost(schema, document, request.variables, operationName ?? undefined);
        },
        async willSendResponse({ response }) {
          if (cost === null || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          const report = { requested: cost, limit: QUERY_LIMITS.maxCost };
          if (result.extensions) result.extensions["cost"] = report;
          else result.extensions = { cost: report };
        },
      };
    },
  };
}
