import type { ApolloServer } from "@apollo/server";
import express from "express";
import type { RequestListener } from "node:http";
import type { StoredNotification } from "@peykarband/application";
import type { TrustProxy } from "../context/client-address.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import { requestIdFrom } from "../context/request-id.ts";
import { INVOICE_PDF_PREFIX, invoicePdfRoutes } from "../invoices/invoice-pdf.routes.ts";
import { renderSandboxOutbox, SANDBOX_OUTBOX_PATH } from "../notifications/sandbox-outbox.page.ts";
import {
  PAYMENT_ROUTES_PREFIX,
  paymentRoutes,
  type PaymentRoutesOptions,
} from "../payments/payment-callback.routes.ts";
import { GRAPHIQL_ASSETS_PATH, graphiqlAssets, graphiqlPage } from "./graphiql/graphiql.routes.ts";
import { prefersHtml } from "./graphiql/prefers-html.ts";
import { createGraphQLHandler, type GraphQLHandler, type GraphQLHandlerOptions } from "./graphql-handler.ts";
import { jsonErrorHandler, notFound } from "./json-errors.ts";
import { LANDING_PAGE_DIR, landingPageRoutes } from "./landing-page.routes.ts";
import { PROBE_PATHS, probeRoutes, type ReadinessCheck } from "./probe.routes.ts";

export const GRAPHQL_PATH = "/graphql";

export interface HttpAppOptions extends Omit<GraphQLHandlerOptions, "trustProxy"> {
  readonly trustProxy: boolean | number | string | readonly string[];
  readonly readiness: Readonly<Record<string, ReadinessCheck>>;
  /** The gateways' callbacks and the result page: outside /graphql, so its JSON-only rule never sees them. */
  readonly payments: Omit<PaymentRoutesOptions, "logger">;
  /** Serve GraphiQL to browsers at GET /graphql (development, test and the sandbox; never production). */
  readonly devUi: boolean;
  /** Sandbox mode only: the outbox page's read. Absent: no such page. */
  readonly sandboxOutbox?: (limit: number) => Promise<StoredNotification[]>;
}

export interface HttpApp {
  /** The http.Server's request listener: /graphql to Apollo directly, every other route to express. */
  readonly listener: RequestListener;
  /** Which proxy hops may set X-Forwarded-For, compiled once; the WebSocket server uses it too. */
  readonly trustProxy: TrustProxy;
  /** Apollo must be started first, and needs the http server: until then /graphql is a 404. */
  mountGraphQL(apollo: ApolloServer<GraphQLContext>): void;
}

/** The landing page, probes, payment callbacks, invoices, pages and GraphiQL: the routes that are not GraphQL. */
function createRoutes(options: HttpAppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  // Answers are tiny or files: a SHA-1 of every response body would buy nothing.
  app.set("etag", false);
  app.set("trust proxy", options.trustProxy);
  app.use((_req, res, next) => {
    res.locals["requestId"] = res.getHeader("x-request-id");
    next();
  });
  if (options.devUi) {
    app.get(GRAPHQL_PATH, graphiqlPage);
    app.use(GRAPHIQL_ASSETS_PATH, graphiqlAssets());
  }
  app.use(landingPageRoutes(LANDING_PAGE_DIR));
  app.get(PROBE_PATHS, probeRoutes(options.readiness));
  app.use(PAYMENT_ROUTES_PREFIX, paymentRoutes({ ...options.payments, logger: options.logger }));
  const outbox = options.sandboxOutbox;
  if (outbox) {
    app.get(SANDBOX_OUTBOX_PATH, async (_req, res) => {
      res.type("html").send(renderSandboxOutbox(await outbox(100)));
    });
  }
  app.use(INVOICE_PDF_PREFIX, invoicePdfRoutes({ useCases: options.useCases, logger: options.logger }));
  app.use(notFound);
  app.use(jsonErrorHandler(options.logger));
  return app;
}

const isGraphQLPath = (url: string | undefined): boolean => {
  const path = url?.split("?", 1)[0];
  return path === GRAPHQL_PATH || path === `${GRAPHQL_PATH}/`;
};

/** The gateway's HTTP side. GraphQL requests never walk express's router or middleware. */
export function createHttpApp(options: HttpAppOptions): HttpApp {
  const routes = createRoutes(options);
  const trustProxy = routes.get("trust proxy fn") as TrustProxy;
  let graphql: GraphQLHandler | undefined;
  const listener: RequestListener = (req, res) => {
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    res.setHeader("x-request-id", requestId);
    const browserPage = options.devUi && req.method === "GET" && prefersHtml(req.headers.accept);
    if (graphql && !browserPage && isGraphQLPath(req.url)) graphql(req, res, requestId);
    else routes(req, res);
  };
  return {
    listener,
    trustProxy,
    mountGraphQL(apollo) {
      graphql = createGraphQLHandler(apollo, { ...options, trustProxy });
    },
  };
}
