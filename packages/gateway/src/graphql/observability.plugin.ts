import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { isUnexpected } from "./format-error.ts";
import { operationLabel } from "./operation-label.ts";
import type { OperationRecorder } from "./operation-recorder.ts";

/** Logs and measures every HTTP operation, including those refused before execution. */
export function observabilityPlugin(recorder: OperationRecorder): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isUnexpected(error)) {
              recorder.unexpected(unwrapResolverError(error), {
                requestId: contextValue.requestId,
                operationName: operationName ?? null,
              });
            }
          }
        },
        async willSendResponse({ response, contextValue, operation, operationName }) {
          recorder.finished({
            requestId: contextValue.requestId,
            viewerId: contextValue.viewer?.userId ?? null,
            operationName: operationName ?? null,
            label: operationLabel(operation),
            durationMs: performance.now() - started,
            errors: response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [],
            userErrors: contextValue.outcome.userErrors,
          });
        },
      };
    },
  };
}
