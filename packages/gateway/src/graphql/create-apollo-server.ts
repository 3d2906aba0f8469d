import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { createDocumentStore } from "../limits/document-store.ts";
import { PARSE_OPTIONS } from "../limits/parse-document.ts";
import { formatError } from "./format-error.ts";
import { operationPlugin } from "./operation.plugin.ts";
import type { OperationRecorder } from "./operation-recorder.ts";

export interface ApolloOptions {
  readonly schema: GraphQLSchema;
  /** Drains the HTTP server (http/drainable-server.ts) when Apollo stops, before it disposes anything. */
  readonly drainHttp: () => Promise<void>;
  readonly limitRules: NonNullable<ConstructorParameters<typeof ApolloServer>[0]["validationRules"]>;
  readonly recorder: OperationRecorder;
  readonly introspection: boolean;
  readonly development: boolean;
  /** What the cache of parsed documents may hold, in bytes of memory. */
  readonly documentCacheBytes: number;
  /** Stops the WebSocket server when Apollo stops, after HTTP has drained. */
  readonly disposeWebSocket: () => Promise<void>;
}

export function createApolloServer(options: ApolloOptions): ApolloServer<GraphQLContext> {
  const drainHttp: ApolloServerPlugin<GraphQLContext> = {
    async serverWillStart() {
      return { drainServer: options.drainHttp };
    },
  };
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
    documentStore: createDocumentStore(options.documentCacheBytes),
    validationRules: options.limitRules,
    formatError,
    plugins: [
      drainHttp,
      disposeWebSocket,
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing pages load Sandbox and fonts from its CDN: blank offline and where that is
      // blocked. Browsers get GraphiQL from the project's own files instead (http/graphiql/).
      ApolloServerPluginLandingPageDisabled(),
      operationPlugin(options.recorder),
    ],
  });
}
