import {
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import type { Context } from "graphql-ws";
import { useServer, type Extra } from "graphql-ws/use/ws";
import type { Server } from "node:http";
import { WebSocketServer } from "ws";
import { clientAddress, type TrustProxy } from "../context/client-address.ts";
import { sharedSubscribe } from "./shared-subscribe.ts";
import { SubscriptionSlots, SUBSCRIPTIONS_PER_SOCKET } from "../context/subscription-slots.ts";
import { createGraphQLContext, resolveViewer, type ContextDeps } from "../context/create-graphql-context.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { requestIdFrom } from "../context/request-id.ts";
import { measureCost } from "../limits/query-cost.ts";
import { parseDocument } from "../limits/parse-document.ts";
import { formatError, isUnexpected } from "./format-error.ts";
import { operationLabel } from "./operation-label.ts";
import type { OperationRecorder } from "./operation-recorder.ts";

export interface WebSocketOptions extends ContextDeps {
  readonly schema: GraphQLSchema;
  readonly httpServer: Server;
  readonly path: string;
  readonly limitRules: readonly ValidationRule[];
  readonly trustProxy: TrustProxy;
  readonly recorder: OperationRecorder;
  /** As on HTTP: when false, introspection is refused and errors do not suggest field names. */
  readonly introspection: boolean;
}

/** connection_init payload: `{ "authorization": "Bearer <accessToken>" }`. */
type ConnectionParams = Record<string, unknown>;

interface RunningOperation {
  readonly context: GraphQLContext;
  readonly label: string;
  readonly started: number;
  readonly errors: GraphQLFormattedError[];
}

type WsContext = Context<ConnectionParams | undefined, Extra & Partial<Record<PropertyKey, never>>>;

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * A validation error as Apollo gives it on HTTP: with the GRAPHQL_VALIDATION_FAILED code when it
 * has none of its own, and, when introspection is off, without "Did you mean …?" (which would
 * rebuild the schema that introspection hides; hideSchemaDetailsFromClientErrors on HTTP).
 */
const asValidationFailure = (error: GraphQLError, hideSchema: boolean): GraphQLError =>
  new GraphQLError(hideSchema ? error.message.replace(/ ?Did you mean(.+?)\?$/, "") : error.message, {
    nodes: error.nodes ?? null,
    originalError: error.originalError ?? null,
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", ...error.extensions },
  });

/**
 * graphql-ws on the HTTP server's port and path. Every operation meets the same parse, validation
 * and cost limits as HTTP, and is re-authenticated, so a session revoked mid-connection stops.
 * Returns the disposer Apollo calls when it drains.
 */
export function startWebSocketServer(options: WebSocketOptions): () => Promise<void> {
  const rules = [
    ...specifiedRules,
    ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
    ...options.limitRules,
  ];
  const wsServer = new WebSocketServer({ server: options.httpServer, path: options.path });
  const running = new WeakMap<WsContext, Map<string, RunningOperation>>();
  const operationsOf = (ctx: WsContext) => {
    const operations = running.get(ctx) ?? new Map<string, RunningOperation>();
    running.set(ctx, operations);
    return operations;
  };
  const slots = new WeakMap<WsContext, SubscriptionSlots>();
  const slotsOf = (ctx: WsContext) => {
    const socketSlots = slots.get(ctx) ?? new SubscriptionSlots(SUBSCRIPTIONS_PER_SOCKET);
    slots.set(ctx, socketSlots);
    return socketSlots;
  };
  const format = (errors: readonly GraphQLError[], operation: RunningOperation | undefined) =>
    errors.map((error) => {
      if (isUnexpected(error)) {
        options.recorder.unexpected(error.originalError ?? error, {
          requestId: operation?.context.requestId ?? "unknown",
          operationName: null,
        });
      }
      const formatted = formatError(error.toJSON(), error);
      operation?.errors.push(formatted);
      return formatted;
    });

  const disposable = useServer<ConnectionParams | undefined>(
    {
      schema: options.schema,
      subscribe: sharedSubscribe,
      // A bad token is refused at connection_init (close 4403), not silently treated as anonymous.
      onConnect: async (ctx) => {
        try {
          await resolveViewer(options.useCases, text(ctx.connectionParams?.["authorization"]));
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (ctx, id, payload) => {
        const document = parseDocument(payload.query);
        if (document instanceof GraphQLError) return [document];
        const errors = validate(options.schema, document, rules);
        if (errors.length > 0)
          return errors.map((error) => asValidationFailure(error, !options.introspection));
        const variables = payload.variables ?? undefined;
        const request = ctx.extra.request;
        let context: GraphQLContext;
        try {
          measureCost(options.schema, document, variables, payload.operationName ?? undefined);
          context = await createGraphQLContext(
            {
              requestId: `${requestIdFrom(request.headers["x-request-id"])}:${id}`,
              ip: clientAddress(request, options.trustProxy),
              userAgent: text(request.headers["user-agent"])?.slice(0, 512) ?? null,
              authorization: text(ctx.connectionParams?.["authorization"]),
              acceptLanguage: text(request.headers["accept-language"]),
              subscriptionSlots: slotsOf(ctx),
            },
            options,
          );
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        operationsOf(ctx).set(id, {
          context,
          label: operationLabel(getOperationAST(document, payload.operationName)),
          started: performance.now(),
          errors: [],
        });
        return {
          schema: options.schema,
          document,
          variableValues: variables,
          operationName: payload.operationName,
          contextValue: context,
        };
      },
      onNext: (ctx, id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors, operationsOf(ctx).get(id)) } : undefined,
      onError: (ctx, id, _payload, errors) => format(errors, operationsOf(ctx).get(id)),
      onComplete: (ctx, id, payload) => {
        const operation = operationsOf(ctx).get(id);
        operationsOf(ctx).delete(id);
        if (!operation) return;
        options.recorder.finished({
          requestId: operation.context.requestId,
          viewerId: operation.context.viewer?.userId ?? null,
          operationName: payload.operationName ?? null,
          label: operation.label,
          durationMs: performance.now() - operation.started,
          errors: operation.errors,
          userErrors: operation.context.outcome.userErrors,
        });
      },
    },
    wsServer,
  );
  return async () => {
    await disposable.dispose();
  };
}
