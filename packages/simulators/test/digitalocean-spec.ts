import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// What the official spec says, from the subset kept in spec-subsets/digitalocean.json (ajv is a dev
// dependency, so only test code uses this).
type Node = Record<string, unknown>;

const spec = JSON.parse(
  readFileSync(new URL("../spec-subsets/digitalocean.json", import.meta.url), "utf8"),
) as Node;
const SPEC_ID = "digitalocean";

// OpenAPI 3.0 keywords (`nullable`, `example`, `discriminator` on anyOf) are not all JSON Schema:
// unknown ones are annotations here, and `float` is a format name only OpenAPI defines.
const ajv = new Ajv({ strict: false, allErrors: true, logger: false, formats: { float: true } });
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
addFormats(ajv);
ajv.addSchema(spec, SPEC_ID);

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

function resolve(node: Node): { node: Node; at: string } | undefined {
  const ref = node.$ref;
  if (typeof ref !== "string") return undefined;
  let target: unknown = spec;
  for (const part of ref.slice(2).split("/")) target = (target as Node)[part.replaceAll("~1", "/")];
  return { node: target as Node, at: ref.slice(1) };
}

function operation(path: string, method: string): Node {
  const found = ((spec.paths as Node)[path] as Node | undefined)?.[method.toLowerCase()];
  if (!found) throw new Error(`the subset has no ${method} ${path}`);
  return found as Node;
}

/** The documented response for a status: its own entry, else `default`. */
function response(path: string, method: string, status: number): { node: Node; at: string } {
  const responses = operation(path, method).responses as Node;
  const key = String(status) in responses ? String(status) : "default";
  const entry = responses[key] as Node | undefined;
  if (!entry) throw new Error(`${method} ${path} documents no ${status} and no default`);
  const at = `/${pointer("paths", path, method.toLowerCase(), "responses", key)}`;
  return resolve(entry) ?? { node: entry, at };
}

const compiled = new Map<string, ValidateFunction>();
function validatorAt(at: string): ValidateFunction {
  let validate = compiled.get(at);
  if (!validate) {
    validate = ajv.compile({ $ref: `${SPEC_ID}#${at}` });
    compiled.set(at, validate);
  }
  return validate;
}

const errorsOf = (validate: ValidateFunction) =>
  (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);

/** Problems of a response body against the spec's schema for that status ([] when it conforms). */
export function responseProblems(path: string, method: string, status: number, body: unknown): string[] {
  const { node, at } = response(path, method, status);
  const content = node.content as Node | undefined;
  if (!content) return body === undefined ? [] : [`${status} documents no body`];
  const validate = validatorAt(`${at}/${pointer("content", "application/json", "schema")}`);
  return validate(body) ? [] : errorsOf(validate);
}

/** The response headers the spec documents for that status (e.g. the ratelimit-* counters). */
export function documentedHeaders(path: string, method: string, status: number): string[] {
  return Object.keys((response(path, method, status).node.headers as Node | undefined) ?? {});
}

/** Problems of a request body against the operation's request schema. */
export function requestProblems(path: string, method: string, body: unknown): string[] {
  const at = `/${pointer("paths", path, method.toLowerCase(), "requestBody", "content", "application/json", "schema")}`;
  const validate = validatorAt(at);
  return validate(body) ? [] : errorsOf(validate);
}

// Compiled up front: compiling on first use takes long enough to outlast a simulated action.
for (const [path, item] of Object.entries(spec.paths as Node)) {
  for (const [method, op] of Object.entries(item as Node)) {
    for (const status of Object.keys((op as Node).responses as Node)) {
      const { node, at } = response(path, method, status === "default" ? 599 : Number(status));
      if (node.content) validatorAt(`${at}/${pointer("content", "application/json", "schema")}`);
    }
    if ((op as Node).requestBody) requestProblems(path, method, {});
  }
}
