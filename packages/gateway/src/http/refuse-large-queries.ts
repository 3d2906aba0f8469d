import type { RequestHandler } from "express";
import { refuseLargeQuery } from "../limits/query-size.ts";
import { sendJsonError } from "./json-errors.ts";

/** QUERY_TOO_LARGE (413) before Apollo hashes, parses or caches the text; GET carries it in the URL. */
export function refuseLargeQueries(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const query =
      req.method === "GET" ? req.query["query"] : (req.body as { query?: unknown } | null | undefined)?.query;
    const refusal = refuseLargeQuery(query, maxBytes);
    if (refusal) {
      sendJsonError(res, 413, "QUERY_TOO_LARGE", refusal.message);
      return;
    }
    next();
  };
}
