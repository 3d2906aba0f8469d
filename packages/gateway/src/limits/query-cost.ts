import { getNamedType, type DocumentNode, type GraphQLSchema } from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import { limitExceeded } from "../graphql/gateway-errors.ts";
import { QUERY_LIMITS } from "./query-limits.ts";

const pageSize = (args: Record<string, unknown>): number | null => {
  const requested = args["first"] ?? args["last"];
  return typeof requested === "number" ? Math.min(Math.max(requested, 0), QUERY_LIMITS.maxPageSize) : null;
};

/**
 * Every field costs 1; a connection's selection is paid once per item it may return, so
 * `first: 100` of something costly is costly. A connection without a size is priced at the cap.
 */
const connectionEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const isConnection = getNamedType(field.type).name.endsWith("Connection");
  const size = pageSize(args) ?? (isConnection ? QUERY_LIMITS.maxPageSize : 1);
  return 1 + childComplexity * size;
};

/**
 * The cost of the operation with these variables. Throws QUERY_TOO_COMPLEX past the limit.
 * Returns null when the variables do not fit the document: execution will refuse them anyway,
 * with a better message than the estimator's.
 */
export function measureCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number | null {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      estimators: [connectionEstimator],
      ...(variables ? { variables } : {}),
      ...(operationName ? { operationName } : {}),
    });
  } catch {
    return null;
  }
  if (cost > QUERY_LIMITS.maxCost) {
    throw limitExceeded(
      "QUERY_TOO_COMPLEX",
      `Query cost ${cost} exceeds the limit of ${QUERY_LIMITS.maxCost}. Ask for fewer items or fields.`,
    );
  }
  return cost;
}
