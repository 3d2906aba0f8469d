import type { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express, type Request } from "express";
import { createGraphQLContext, type ContextDeps } from "../context/create-graphql-context.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { requestIdFrom } from "../context/request-id.ts";
import type { OperationRecorder } from "../graphql/operation-recorder.ts";
import type { Logger } from "../logging/logger.ts";
import {
  PAYMENT_ROUTES_PREFIX,
  paymentRoutes,
  type PaymentRoutesOptions,
} from "../payments/payment-callback.routes.ts";
import { GRAPHIQL_ASSETS_PATH, graphiqlAssets, graphiqlPage } from "./graphiql/graphiql.routes.ts";
import { INVOICE_PDF_PREFIX, invoicePdfRoutes } from "../invoices/invoice-pdf.routes.ts";
import { jsonErrorHandler, notFound, requireJsonBody } from "./json-errors.ts";
import { PROBE_PATHS, probeRoutes, type ReadinessCheck } from "./probe.routes.ts";
import { refuseLargeQueries } from "./refuse-large-queries.ts";
import { MAX_BODY_BYTES } from "../limits/query-limits.ts";
import type { StoredNotification } from "@peykarband/application";
import { renderSandboxOutbox, SANDBOX_OUTBOX_PATH } from "../notifications/sandbox-outbox.page.ts";
import { GraphQLError } from "graphql";

export const GRAPHQL_PATH = "/graphql";

export interface ExpressAppOptions extends ContextDeps {
  readonly trustProxy: boolean | number | string | readonly string[];
  readonly readiness: Readonly<Record<string, ReadinessCheck>>;
  readonly logger: Logger;
  readonly recorder: OperationRecorder;
  /** Longest document text accepted, in UTF-8 bytes. */
  readonly maxQueryBytes: number;
  /** The gateways' callbacks and the result page: outside /graphql, so its JSON-only rule never sees them. */
  readonly payments: Omit<PaymentRoutesOptions, "logger">;
  /** Serve GraphiQL to browsers at GET /graphql (development, test and the sandbox; never production). */
  readonly devUi: boolean;
  /** Sandbox mode only: the outbox page's read. Absent: no such page. */
  readonly sandboxOutbox?: (limit: number) => Promise<StoredNotification[]>;
}

const header = (req: Request, name: string): string | null => {
  const value = req.headers[name];
  return typeof value === "string" ? value : null;
};

/** `req.ip`, which walks X-Forwarded-For through proxy-addr on every read; without one it is the peer. */
const clientIp = (req: Request): string | null =>
  req.headers["x-forwarded-for"] === undefined ? (req.socket.remoteAddress ?? null) : (req.ip ?? null);

/** The express app before Apollo is mounted: Apollo must be started first, and needs the http server. */
export function createExpressApp(options: ExpressAppOptions): {
  app: Express;
  mountGraphQL(apollo: ApolloServer<GraphQLContext>): void;
} {
  const app = express();
  app.disable("x-powered-by");
  // Answers are uncacheable (GraphQL) or tiny: a SHA-1 of every response body would buy nothing.
  app.set("etag", false);
  app.set("trust proxy", options.trustProxy);
  app.use((req, res, next) => {
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    res.locals["requestId"] = requestId;
    res.setHeader("x-request-id", requestId);
    next();
  });

  const context = async ({ req, res }: { req: Request; res: express.Response }): Promise<GraphQLContext> => {
    const requestId = res.locals["requestId"] as string;
    const started = performance.now();
    try {
      return await createGraphQLContext(
        {
          requestId,
          ip: clientIp(req),
          userAgent: header(req, "user-agent")?.slice(0, 512) ?? null,
          authorization: header(req, "authorization"),
          acceptLanguage: header(req, "accept-language"),
        },
        options,
      );
    } catch (error) {
      // Apollo runs no request plugins when the context fails, so this refusal is recorded here.
      if (error instanceof GraphQLError) {
        options.recorder.finished({
          requestId,
          viewerId: null,
          operationName: null,
          label: "unknown",
          durationMs: performance.now() - started,
          errors: [error.toJSON()],
          userErrors: false,
        });
      }
      throw error;
    }
  };

  return {
    app,
    mountGraphQL(apollo) {
      if (options.devUi) {
        app.get(GRAPHQL_PATH, graphiqlPage);
        app.use(GRAPHIQL_ASSETS_PATH, graphiqlAssets());
      }
      // GraphQL first, so its requests never walk the probe and payment routes.
      app.use(
        GRAPHQL_PATH,
        express.json({ limit: MAX_BODY_BYTES }),
        requireJsonBody,
        refuseLargeQueries(options.maxQueryBytes),
        expressMiddleware(apollo, { context }),
      );
      app.get(PROBE_PATHS, probeRoutes(options.readiness));
      app.use(PAYMENT_ROUTES_PREFIX, paymentRoutes({ ...options.payments, logger: options.logger }));
      const outbox = options.sandboxOutbox;
      if (outbox) {
        app.get(SANDBOX_OUTBOX_PATH, async (_req, res) => {
          res.type("html").send(renderSandboxOutbox(await outbox(100)));
        });
      }
      app.use(
        INVOICE_PDF_PREFIX,
        invoicePdfRoutes({ useCases: options.useCases, billing: options.billing, logger: options.logger }),
      );
      app.use(notFound);
      app.use(jsonErrorHandler(options.logger));
    },
  };
}
