import type { ErrorRequestHandler, RequestHandler } from "express";
import type { ServerResponse } from "node:http";
import type { Logger } from "../logging/logger.ts";

/** The GraphQL-over-HTTP error shape, so clients parse one format whatever went wrong. */
export function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(body);
}

export const notFound: RequestHandler = (_req, res) => {
  sendJsonError(res, 404, "NOT_FOUND", "No such route. GraphQL is served at /graphql.");
};

const BODY_ERRORS: Readonly<Record<string, { status: number; code: string; message: string }>> = {
  "entity.too.large": { status: 413, code: "PAYLOAD_TOO_LARGE", message: "The request body is too large." },
  "entity.parse.failed": { status: 400, code: "BAD_REQUEST", message: "The request body is not valid JSON." },
  "encoding.unsupported": {
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "Unsupported content encoding.",
  },
  "charset.unsupported": { status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: "Unsupported charset." },
  "request.aborted": { status: 400, code: "BAD_REQUEST", message: "The request was aborted." },
};

/** Body-parser and routing failures as JSON with a 4xx; only real faults are 500, logged with their stack. */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const details = error as { type?: unknown; status?: unknown };
    const known = typeof details.type === "string" ? BODY_ERRORS[details.type] : undefined;
    if (known) {
      sendJsonError(res, known.status, known.code, known.message);
      return;
    }
    if (typeof details.status === "number" && details.status >= 400 && details.status < 500) {
      sendJsonError(res, details.status, "BAD_REQUEST", "The request could not be read.");
      return;
    }
    const cause = error instanceof Error ? error : new Error(String(error));
    logger.error("unexpected HTTP error", {
      requestId: res.locals["requestId"],
      path: req.path,
      error: cause.message,
      stack: cause.stack,
    });
    sendJsonError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error.");
  };
}
