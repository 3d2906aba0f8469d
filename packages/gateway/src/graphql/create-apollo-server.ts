import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GraphQLSchema } from "graphql";
import type { Server } from "node:http";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { PARSE_OPTIONS } from "../limits/parse-document.ts";
import { formatError } from "./format-error.ts";
import { operationPlugin } from "./operation.plugin.ts";
import type { OperationRecorder } from "./operation-recorder.ts";

export interface ApolloOptions {
  readonly schema: GraphQLSchema;
  readonly httpServer: Server;
  readonly limitRules: NonNullable<ConstructorParameters<typeof ApolloServer>[0]["validationRules"]>;
  readonly recorder: OperationRecorder;
  readonly introspection: boolean;
  readonly development: boolean;
  /** Stops the WebSocket server when Apollo stops, after HTTP has drained. */
  readonly disposeWebSocket: () => Promise<void>;
}

export function createApolloServer(options: ApolloOptions): ApolloServer<GraphQLContext> {
  const disposeWebSocket: ApolloServerPlugin<GraphQLContext> = {
    async serverWillStart() {
      return { drainServer: options.disposeWebSocket };
    },
  };
  return new ApolloServer<GraphQLContext>({
    schema: options.schema,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // main.ts drains on SIGTERM itself; Apollo's own handler would stop twice, and in 5.5.1 the
    // second stop() never resolves.
    stopOnTerminationSignals: false,
    introspection: options.introspection,
    // Without this, "Did you mean …?" in validation errors rebuilds the schema introspection hides.
    hideSchemaDetailsFromClientErrors: !options.introspection,
    includeStacktraceInErrorResponses: options.development,
    parseOptions: PARSE_OPTIONS,
    validationRules: options.limitRules,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer }),
      disposeWebSocket,
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing pages load Sandbox and fonts from its CDN: blank offline and where that is
      // blocked. Browsers get GraphiQL from the project's own files instead (http/graphiql/).
      ApolloServerPluginLandingPageDisabled(),
      operationPlugin(options.recorder),
    ],
  });
}
