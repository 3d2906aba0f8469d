import { SpanKind, type Span } from "@opentelemetry/api";
import { failSpan, tracer } from "./tracer.ts";

/** The statement's leading keyword (SELECT, INSERT, WITH, BEGIN …): what it does, never its values. */
function statementOperation(text: string): string {
  const keyword = /^\s*([A-Za-z]+)/.exec(text)?.[1];
  return keyword === undefined ? "SQL" : keyword.toUpperCase();
}

/** A client span for one statement, active or not; its parameters are never recorded. */
export function startDatabaseSpan(text: string, driver: "pglite" | "postgres"): Span {
  const operation = statementOperation(text);
  return tracer.startSpan(operation, {
    kind: SpanKind.CLIENT,
    attributes: {
      "db.system": "postgresql",
      "db.system.name": "postgresql",
      "db.operation.name": operation,
      "peykarband.db.driver": driver,
    },
  });
}

/** Ends the statement's span when its answer (or its error) comes. */
export function endWith<T>(span: Span, answer: Promise<T>): Promise<T> {
  answer.then(
    () => span.end(),
    (error: unknown) => {
      failSpan(span, error);
      span.end();
    },
  );
  return answer;
}
