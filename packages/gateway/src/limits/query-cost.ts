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

/** Per document, its last costs by operation name and variables: a document's cost never changes. */
const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number | null>>>();
const COSTS_PER_DOCUMENT = 32;
/** Variables longer than this as JSON are measured every time rather than kept as a cache key. */
const MAX_KEY_LENGTH = 1024;

function computeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number | null {
  try {
    return getComplexity({
      schema,
      query: document,
      estimators: [connectionEstimator],
      ...(variables ? { variables } : {}),
      ...(operationName ? { operationName } : {}),
    });
  } catch {
    return null;
  }
}

/**
 * The cost of the operation with these variables, measured once per document, operation and
 * variables (Apollo and graphql-ws hand the same parsed document for the same query text).
 */
function cachedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number | null {
  const hasVariables = variables !== undefined && Object.keys(variables).length > 0;
  const key = `${operationName ?? ""}\u0000${hasVariables ? JSON.stringify(variables) : ""}`;
  if (key.length > MAX_KEY_LENGTH) return computeCost(schema, document, variables, operationName);
  let bySchema = costs.get(schema);
  if (!bySchema) costs.set(schema, (bySchema = new WeakMap()));
  let byKey = bySchema.get(document);
  if (!byKey) bySchema.set(document, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key)!;
  const cost = computeCost(schema, document, variables, operationName);
  if (byKey.size >= COSTS_PER_DOCUMENT) byKey.delete(byKey.keys().next().value!);
  byKey.set(key, cost);
  return cost;
}

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
  const cost = cachedCost(schema, document, variables, operationName);
  if (cost === null) return null;
  if (cost > QUERY_LIMITS.maxCost) {
    throw limitExceeded(
      "QUERY_TOO_COMPLEX",
      `Query cost ${cost} exceeds the limit of ${QUERY_LIMITS.maxCost}. Ask for fewer items or fields.`,
    );
  }
  return cost;
}
