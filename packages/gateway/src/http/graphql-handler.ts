import {
  HeaderMap,
  type ApolloServer,
  type HTTPGraphQLRequest,
  type HTTPGraphQLResponse,
} from "@apollo/server";
import { GraphQLError } from "graphql";
import type { IncomingMessage, ServerResponse } from "node:http";
import { clientAddress, type TrustProxy } from "../context/client-address.ts";
import { createGraphQLContext, type ContextDeps } from "../context/create-graphql-context.ts";
import type { GraphQLContext } from "../context/graphql-context.ts";
import type { OperationRecorder } from "../graphql/operation-recorder.ts";
import { inOperationSpan } from "../graphql/operation-span.ts";
import { MAX_BODY_BYTES } from "../limits/query-limits.ts";
import { refuseLargeQuery } from "../limits/query-size.ts";
import type { Logger } from "../logging/logger.ts";
import { sendJsonError } from "./json-errors.ts";
import { readJsonBody } from "./read-json-body.ts";

export interface GraphQLHandlerOptions extends ContextDeps {
  readonly trustProxy: TrustProxy;
  readonly logger: Logger;
  readonly recorder: OperationRecorder;
  /** Longest document text accepted, in UTF-8 bytes. */
  readonly maxQueryBytes: number;
}

/** Serves one request to /graphql; `requestId` is already on the response's x-request-id. */
export type GraphQLHandler = (req: IncomingMessage, res: ServerResponse, requestId: string) => void;

const header = (req: IncomingMessage, name: string): string | null => {
  const value = req.headers[name];
  return typeof value === "string" ? value : null;
};

/** Without X-Forwarded-For the client is the peer: no proxy chain to walk. */
const clientIp = (req: IncomingMessage, trust: TrustProxy): string | null =>
  req.headers["x-forwarded-for"] === undefined
    ? (req.socket.remoteAddress ?? null)
    : clientAddress(req, trust);

function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const name in req.headers) {
    const value = req.headers[name];
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

async function writeResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  res.statusCode = response.status ?? 200;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (response.body.kind === "complete") {
    res.setHeader("content-length", Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * GraphQL over node:http through Apollo's integration API, with nothing in front of it: the body
 * is read under the size limit and as JSON only, an oversized document is refused before Apollo
 * hashes or parses it, and Apollo applies CSRF prevention, batching and method rules itself.
 */
export function createGraphQLHandler(
  apollo: ApolloServer<GraphQLContext>,
  options: GraphQLHandlerOptions,
): GraphQLHandler {
  const context = async (req: IncomingMessage, requestId: string): Promise<GraphQLContext> => {
    const started = performance.now();
    try {
      return await createGraphQLContext(
        {
          requestId,
          ip: clientIp(req, options.trustProxy),
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

  // Returned rather than written inline as `context: () => …`: a closure assigned to a name is
  // named through Object.defineProperty on every request when tsx runs the code (esbuild's keepNames).
  const contextFor = (req: IncomingMessage, requestId: string) => () => context(req, requestId);

  const serve = async (req: IncomingMessage, res: ServerResponse, requestId: string) => {
    const url = req.url ?? "";
    const queryAt = url.indexOf("?");
    const search = queryAt === -1 ? "" : url.slice(queryAt);
    let body: unknown;
    let query: unknown;
    if (req.method === "POST") {
      const read = await readJsonBody(req, MAX_BODY_BYTES);
      if ("refusal" in read) {
        sendJsonError(res, read.refusal.status, read.refusal.code, read.refusal.message);
        return;
      }
      // A POST without a body would reach Apollo as "no body", which it answers with a 500.
      if (read.body === undefined) {
        sendJsonError(
          res,
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "Send GraphQL requests as Content-Type: application/json.",
        );
        return;
      }
      body = read.body;
      query = (body as { query?: unknown }).query;
    } else if (req.method === "GET") {
      query = new URLSearchParams(search).get("query");
    }
    const tooLarge = refuseLargeQuery(query, options.maxQueryBytes);
    if (tooLarge) {
      sendJsonError(res, 413, "QUERY_TOO_LARGE", tooLarge.message);
      return;
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: req.method ?? "GET",
      headers: headerMapOf(req),
      search,
      body,
    };
    const response = await inOperationSpan(() =>
      apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: contextFor(req, requestId) }),
    );
    await writeResponse(res, response);
  };

  return (req, res, requestId) => {
    serve(req, res, requestId).catch((error: unknown) => {
      const cause = error instanceof Error ? error : new Error(String(error));
      options.logger.error("unexpected HTTP error", {
        requestId,
        path: (req.url ?? "").split("?")[0],
        error: cause.message,
        stack: cause.stack,
      });
      if (res.headersSent) res.destroy();
      else sendJsonError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error.");
    });
  };
}
