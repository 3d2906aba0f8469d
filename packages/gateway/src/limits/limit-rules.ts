import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, type ValidationContext, type ValidationRule } from "graphql";
import { QUERY_LIMITS, type LimitErrorCode } from "./query-limits.ts";

/** Re-reports armor's rejection with our stable code, instead of armor's generic BAD_USER_INPUT. */
const reportAs =
  (code: LimitErrorCode) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    context?.reportError(
      new GraphQLError(error.message.replace(/^Syntax Error: /, ""), { extensions: { code } }),
    );
  };

/**
 * Depth, alias and directive limits as plain validation rules, so the very same rules run in
 * Apollo (HTTP) and in graphql-ws's onSubscribe. Cost is measured apart (query-cost.ts) because
 * it needs the variables, and tokens are limited by the parser (parse-document.ts).
 */
export function createLimitRules(): ValidationRule[] {
  const armor = new ApolloArmor({
    maxDepth: {
      n: QUERY_LIMITS.maxDepth,
      propagateOnRejection: false,
      onReject: [reportAs("QUERY_TOO_DEEP")],
    },
    maxAliases: {
      n: QUERY_LIMITS.maxAliases,
      propagateOnRejection: false,
      onReject: [reportAs("TOO_MANY_ALIASES")],
    },
    maxDirectives: {
      n: QUERY_LIMITS.maxDirectives,
      propagateOnRejection: false,
      onReject: [reportAs("TOO_MANY_DIRECTIVES")],
    },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().validationRules;
}
