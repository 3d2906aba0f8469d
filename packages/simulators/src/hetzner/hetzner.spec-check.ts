/**
 * Checks wire messages against the subset of the Hetzner Cloud OpenAPI document kept in
 * spec-subsets/hetzner.json. For tests: they hand in ajv (a dev dependency, so only test files
 * import it).
 */
import { readFileSync } from "node:fs";

type Node = Record<string, unknown>;

/** The part of ajv's API used here. */
export interface SchemaCompiler {
  compile(schema: object): ((value: unknown) => boolean) & {
    errors?: readonly { instancePath: string; message?: string; keyword: string }[] | null;
  };
}

export interface HetznerSpecCheck {
  /**
   * Problems of a response body against the operation's schema for that status ([] when it conforms).
   * Hetzner documents error ranges as "4xx"/"5xx", in lower case: matched without regard to case.
   */
  responseProblems(operationId: string, status: number, body: unknown): string[];
  /** Problems of a request body against the operation's request schema. */
  requestProblems(operationId: string, body: unknown): string[];
  /** Whether Hetzner documents `code` with that status, in the global table or the operation's own. */
  isDocumentedError(operationId: string, status: number, code: string): boolean;
}

interface DocumentedError {
  readonly status: number;
  readonly code: string;
}

/** `ajv` must know the OpenAPI formats (ajv-formats) and Hetzner's `decimal`, and ignore `example`. */
export function hetznerSpecCheck(ajv: SchemaCompiler): HetznerSpecCheck {
  const spec = JSON.parse(
    readFileSync(new URL("../../spec-subsets/hetzner.json", import.meta.url), "utf8"),
  ) as Node;
  const subset = spec["x-subset"] as {
    errorCodes: DocumentedError[];
    operationErrorCodes: Record<string, DocumentedError[]>;
  };

  const operation = (operationId: string): Node => {
    for (const item of Object.values(spec.paths as Node)) {
      for (const op of Object.values(item as Node)) {
        if ((op as Node).operationId === operationId) return op as Node;
      }
    }
    throw new Error(`the subset has no operation ${operationId}`);
  };

  const compiled = new Map<string, ReturnType<SchemaCompiler["compile"]>>();
  const problems = (key: string, schema: unknown, value: unknown): string[] => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(schema as object);
      compiled.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);
  };

  return {
    responseProblems(operationId, status, body) {
      const responses = operation(operationId).responses as Node;
      const range = `${String(status)[0]}xx`;
      const key = [String(status), range, range.toUpperCase()].find((k) => k in responses);
      if (!key) return [`${operationId} documents no ${status}`];
      const schema = (((responses[key] as Node).content as Node)["application/json"] as Node).schema;
      return problems(`${operationId} ${key}`, schema, body);
    },
    requestProblems(operationId, body) {
      const content = (operation(operationId).requestBody as Node | undefined)?.content as Node | undefined;
      if (!content) return [`${operationId} takes no body`];
      return problems(`${operationId} request`, (content["application/json"] as Node).schema, body);
    },
    isDocumentedError(operationId, status, code) {
      return [...subset.errorCodes, ...(subset.operationErrorCodes[operationId] ?? [])].some(
        (entry) => entry.status === status && entry.code === code,
      );
    },
  };
}
