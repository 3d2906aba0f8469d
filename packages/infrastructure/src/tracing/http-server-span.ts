import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { RequestListener } from "node:http";
import { contextFromHeaders, tracer } from "./tracer.ts";

/** `/graphql`, `/payments`, `/invoices` …: the first segment names the route without ids in it. */
const routeOf = (path: string): string => `/${path.split("/", 2)[1] ?? ""}`;

/**
 * Each request to `listener` as a server span, a child of the caller's span when the request
 * carries a W3C `traceparent`; active while the request is handled, ended when the answer is sent
 * (or the connection drops). Only the path is recorded, never the query string.
 */
export function tracedRequestListener(listener: RequestListener): RequestListener {
  return (req, res) => {
    const parent = contextFromHeaders(req.headers);
    const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
    const route = routeOf(path);
    const method = req.method ?? "GET";
    const span = tracer.startSpan(
      `${method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: { "http.request.method": method, "url.path": path, "http.route": route },
      },
      parent,
    );
    res.once("close", () => {
      span.setAttribute("http.response.status_code", res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), () => listener(req, res));
  };
}
