import {
  execute,
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import { context as traceContext, type Context as TraceContext } from "@opentelemetry/api";
import type { Context, SubscribePayload } from "graphql-ws";
import { useServer, type Extra } from "graphql-ws/use/ws";
import type { IncomingMessage, Server } from "node:http";
import { WebSocketServer } from "ws";
import { CoalescingWebSocket } from "./coalescing-web-socket.ts";
import { clientAddress, type TrustProxy } from "../context/client-address.ts";
import { sharedSubscribe } from "./shared-subscribe.ts";
import { SubscribeSpans } from "./subscribe-span.ts";
import { ValidatedDocuments } from "./validated-documents.ts";
import { SubscriptionSlots } from "../context/subscription-slots.ts";
import { createGraphQLContext, resolveViewer, type ContextDeps } from "../context/create-graphql-context.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { requestIdFrom } from "../context/request-id.ts";
import { ConnectionQuota } from "../limits/connection-quota.ts";
import { OperationBudget } from "../limits/operation-budget.ts";
import { measureCost } from "../limits/query-cost.ts";
import { MAX_BODY_BYTES } from "../limits/query-limits.ts";
import { refuseLargeQuery } from "../limits/query-size.ts";
import { refuseDeepVariables } from "../limits/variables-depth.ts";
import { formatError, isUnexpected } from "./format-error.ts";
import { limitExceeded } from "./gateway-errors.ts";
import { CLOSE_CODES } from "./websocket-close-codes.ts";
import { operationLabel } from "./operation-label.ts";
import type { OperationRecorder } from "./operation-recorder.ts";

/** What one client may hold or send over WebSockets (docs/api.md, Limits). */
interface WebSocketLimits {
  readonly maxQueryBytes: number;
  readonly operationsPerSecond: number;
  readonly subscriptionsPerSocket: number;
  readonly socketsPerUser: number;
  readonly socketsPerAddress: number;
  /** Milliseconds a socket has to send connection_init. */
  readonly initTimeoutMs: number;
  /** What the cache of validated documents may hold, in bytes of memory. */
  readonly documentCacheBytes: number;
}

export interface WebSocketOptions extends ContextDeps {
  readonly schema: GraphQLSchema;
  readonly httpServer: Server;
  readonly path: string;
  readonly limitRules: readonly ValidationRule[];
  readonly trustProxy: TrustProxy;
  readonly recorder: OperationRecorder;
  /** As on HTTP: when false, introspection is refused and errors do not suggest field names. */
  readonly introspection: boolean;
  readonly limits: WebSocketLimits;
  /** Whether tracing is on (tracingActive at start): a span per subscribe message (subscribe-span.ts). */
  readonly tracing: boolean;
  /** Milliseconds for the per-second operation budget; performance.now unless a test holds time still. */
  readonly nowMs?: () => number;
}

/** connection_init payload: `{ "authorization": "Bearer <accessToken>" }`. */
type ConnectionParams = Record<string, unknown>;

interface RunningOperation {
  readonly context: GraphQLContext;
  readonly label: string;
  readonly started: number;
  readonly errors: GraphQLFormattedError[];
}

/** What graphql-ws runs for an operation that passed every check. */
type PreparedOperation = ExecutionArgs & { readonly contextValue: GraphQLContext };

type WsContext = Context<ConnectionParams | undefined, Extra & Partial<Record<PropertyKey, never>>>;

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * graphql-ws on the HTTP server's port and path. Every operation meets the same size, parse,
 * validation, variables and cost limits as HTTP, and is re-authenticated, so a session revoked
 * mid-connection stops. One client's sockets, their operations a second and their subscriptions
 * are bounded. Returns the disposer Apollo calls when it drains.
 */
export function startWebSocketServer(options: WebSocketOptions): () => Promise<void> {
  const rules = [
    ...specifiedRules,
    ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
    ...options.limitRules,
  ];
  const { limits } = options;
  const documents = new ValidatedDocuments(
    options.schema,
    rules,
    !options.introspection,
    limits.documentCacheBytes,
  );
  const nowMs = options.nowMs ?? (() => performance.now());
  const spans = new SubscribeSpans(options.tracing);
  const perAddress = new ConnectionQuota(limits.socketsPerAddress);
  const perUser = new ConnectionQuota(limits.socketsPerUser);
  const addressOf = (request: IncomingMessage) => clientAddress(request, options.trustProxy) ?? "unknown";
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    // ws would take messages of up to 100 MiB; a message carries one operation, as an HTTP body does.
    maxPayload: MAX_BODY_BYTES,
    WebSocket: CoalescingWebSocket,
    // Refused before the handshake, so a full address costs no socket; counted once connected.
    verifyClient: ({ req }, accept) => {
      if (perAddress.isFull(addressOf(req))) accept(false, 429, "Too many connections from your address.");
      else accept(true);
    },
  });
  wsServer.on("connection", (socket, request) => {
    socket.coalesceOn(request.socket);
    options.recorder.webSocket(1);
    socket.once("close", () => options.recorder.webSocket(-1));
    const release = perAddress.take(addressOf(request));
    if (release) socket.once("close", release);
    else socket.close(CLOSE_CODES.tooManyConnections, "Too many connections from your address.");
  });
  const running = new WeakMap<WsContext, Map<string, RunningOperation>>();
  const operationsOf = (ctx: WsContext) => {
    const operations = running.get(ctx) ?? new Map<string, RunningOperation>();
    running.set(ctx, operations);
    return operations;
  };
  const slots = new WeakMap<WsContext, SubscriptionSlots>();
  const slotsOf = (ctx: WsContext) => {
    const socketSlots = slots.get(ctx) ?? new SubscriptionSlots(limits.subscriptionsPerSocket);
    slots.set(ctx, socketSlots);
    return socketSlots;
  };
  const budgets = new WeakMap<WsContext, OperationBudget>();
  const budgetOf = (ctx: WsContext) => {
    const budget = budgets.get(ctx) ?? new OperationBudget(limits.operationsPerSecond, nowMs);
    budgets.set(ctx, budget);
    return budget;
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

  /** Every check of a subscribe message, then its context: what graphql-ws runs, or why not. */
  const prepare = async (
    ctx: WsContext,
    id: string,
    payload: SubscribePayload,
    traced: TraceContext | null,
  ): Promise<readonly GraphQLError[] | PreparedOperation> => {
    if (!budgetOf(ctx).spend()) {
      const message = `More than ${limits.operationsPerSecond} operations a second on one connection.`;
      ctx.extra.socket.close(CLOSE_CODES.tooManyOperations, message);
      return [limitExceeded("TOO_MANY_OPERATIONS", message)];
    }
    const tooLarge = refuseLargeQuery(payload.query, limits.maxQueryBytes);
    if (tooLarge) return [tooLarge];
    const document = await documents.check(payload.query);
    if (!("kind" in document)) return [...document];
    const operation = getOperationAST(document, payload.operationName);
    // graphql-ws refuses it too, but after this hook, when the span would be left open.
    if (!operation) return [new GraphQLError("Unable to identify operation")];
    spans.named(traced, operation.operation, operation.name?.value ?? null);
    const tooDeep = refuseDeepVariables(payload.variables);
    if (tooDeep) return [tooDeep];
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
      label: operationLabel(operation),
      started: performance.now(),
      errors: [],
    });
    options.recorder.webSocketOperation(1);
    return {
      schema: options.schema,
      document,
      variableValues: variables,
      operationName: payload.operationName,
      contextValue: context,
    };
  };

  const disposable = useServer<ConnectionParams | undefined>(
    {
      schema: options.schema,
      subscribe: spans.around(sharedSubscribe),
      execute: spans.around(execute),
      connectionInitWaitTimeout: limits.initTimeoutMs,
      // A bad token is refused at connection_init (close 4403), not silently treated as anonymous.
      onConnect: async (ctx) => {
        let viewer;
        try {
          viewer = await resolveViewer(
            options.useCases.accounts,
            text(ctx.connectionParams?.["authorization"]),
          );
        } catch {
          return false;
        }
        const { socket } = ctx.extra;
        if (!viewer || socket.readyState === socket.CLOSED) return true;
        const release = perUser.take(viewer.userId);
        if (!release) {
          // Closed first with our code; graphql-ws's own 4403 for `false` then finds it closing.
          socket.close(CLOSE_CODES.tooManyConnections, "Too many connections for this account.");
          return false;
        }
        socket.once("close", release);
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const traced = spans.begin(ctx.extra.request.headers);
        try {
          const prepared = traced
            ? await traceContext.with(traced, () => prepare(ctx, id, payload, traced))
            : await prepare(ctx, id, payload, null);
          if ("contextValue" in prepared) spans.accepted(traced, prepared.contextValue);
          else spans.refused(traced, prepared);
          return prepared;
        } catch (error) {
          spans.refused(traced, error);
          throw error;
        }
      },
      onNext: (ctx, id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors, operationsOf(ctx).get(id)) } : undefined,
      onError: (ctx, id, _payload, errors) => format(errors, operationsOf(ctx).get(id)),
      onComplete: (ctx, id, payload) => {
        const operation = operationsOf(ctx).get(id);
        operationsOf(ctx).delete(id);
        if (!operation) return;
        options.recorder.webSocketOperation(-1);
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
