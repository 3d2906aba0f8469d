import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from "@opentelemetry/api";
import type { ExecutionArgs, ExecutionResult, GraphQLError } from "graphql";
import type { IncomingHttpHeaders } from "node:http";

const tracer = trace.getTracer("peykarband");

/**
 * A server span per WebSocket subscribe message, when tracing is on: from the message until the
 * subscription's stream exists, so it covers the limits, the authentication and the resolver's
 * authorization and opening-state read, whose statements become its children (a query or mutation
 * sent over the socket: until its result). Named like HTTP's GraphQL span (`subscription
 * ServerStatusChanged`, operation-span.ts; `subscribe` when refused before its document parsed)
 * and carrying the same two attributes, never the variables or the connection's token. A
 * `traceparent` on the upgrade request makes it part of the caller's trace. With tracing off every
 * method returns at its first line.
 */
export class SubscribeSpans {
  /** Spans whose operation passed its checks, by the operation's context, until its stream exists. */
  private readonly awaitingStream = new WeakMap<object, Span>();

  constructor(private readonly tracing: boolean) {}

  /** The context to run a subscribe message's checks in, its span active; null without tracing. */
  begin(upgradeHeaders: IncomingHttpHeaders): Context | null {
    if (!this.tracing) return null;
    const parent = propagation.extract(ROOT_CONTEXT, upgradeHeaders);
    const span = tracer.startSpan("subscribe", { kind: SpanKind.SERVER }, parent);
    return trace.setSpan(parent, span);
  }

  /** Names the span once the document is known: `subscription ServerStatusChanged`. */
  named(traced: Context | null, type: string, name: string | null): void {
    const span = traced && trace.getSpan(traced);
    if (!span) return;
    span.updateName(`${type} ${name ?? "anonymous"}`);
    span.setAttribute("graphql.operation.type", type);
    if (name !== null) span.setAttribute("graphql.operation.name", name);
  }

  /** The checks refused the operation (size, validation, authentication, cost …) or failed: the span ends. */
  refused(traced: Context | null, failure: readonly GraphQLError[] | unknown): void {
    const span = traced && trace.getSpan(traced);
    if (!span) return;
    if (Array.isArray(failure)) {
      const [first] = failure as readonly GraphQLError[];
      span.setStatus({ code: SpanStatusCode.ERROR, message: first?.message ?? "refused" });
    } else failSpan(span, failure);
    span.end();
  }

  /** The checks passed: the span stays open until `subscribe` has made the operation's stream. */
  accepted(traced: Context | null, operationContext: object): void {
    const span = traced && trace.getSpan(traced);
    if (span) this.awaitingStream.set(operationContext, span);
  }

  /** `subscribe` (or `execute`, for a query or mutation), run inside the operation's span, which ends with it. */
  around<R extends object>(
    run: (args: ExecutionArgs) => R | Promise<R>,
  ): (args: ExecutionArgs) => R | Promise<R> {
    if (!this.tracing) return run;
    return async (args) => {
      const span = this.awaitingStream.get(args.contextValue as object);
      if (!span) return run(args);
      this.awaitingStream.delete(args.contextValue as object);
      try {
        const result = await context.with(trace.setSpan(context.active(), span), () => run(args));
        const { errors } = result as ExecutionResult;
        if (errors?.length) span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0]!.message });
        return result;
      } catch (error) {
        failSpan(span, error);
        throw error;
      } finally {
        span.end();
      }
    };
  }
}

function failSpan(span: Span, error: unknown): void {
  const cause = error instanceof Error ? error : new Error(String(error));
  span.recordException(cause);
  span.setStatus({ code: SpanStatusCode.ERROR, message: cause.message });
}
