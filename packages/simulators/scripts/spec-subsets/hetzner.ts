/**
 * The part of the Hetzner Cloud OpenAPI document the simulator and its tests need: the server and
 * action operations and the lists read before a create (the spec inlines every schema, so no
 * component is reached), the documented
 * error codes as data, and the description sections that define pagination, rate limits and label
 * selectors. Run through extract-spec-subsets.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const SOURCE_FILE = "hetzner-cloud.json";

/** From specs/README.md: where the copy came from. */
const ORIGIN = {
  repository: "https://github.com/api-evangelist/hetzner",
  path: "openapi/_original/hetzner-openapi.yml (YAML parsed with js-yaml 5.5.0, written as JSON)",
  commit: "21616c62adfbd3fb53cac9addb15559150700bfe",
  commitDate: "2026-08-22",
  fileLastChangedIn: "4c334966365356ce2f0be17da4eca4a2e4246fd5",
  license:
    "None stated: the repository has no LICENSE and the spec no info.license. The content is Hetzner's own published Cloud API spec.",
};

const OPERATIONS: readonly (readonly [path: string, method: string])[] = [
  ["/servers", "get"],
  ["/servers", "post"],
  ["/servers/{id}", "get"],
  ["/servers/{id}", "delete"],
  ["/servers/{id}/actions/poweroff", "post"],
  ["/servers/{id}/actions/poweron", "post"],
  ["/servers/{id}/actions/reboot", "post"],
  ["/servers/{id}/actions/shutdown", "post"],
  ["/servers/{id}/actions/reset", "post"],
  ["/servers/{id}/actions/rebuild", "post"],
  ["/servers/{id}/actions/change_type", "post"],
  ["/actions/{id}", "get"],
  ["/actions", "get"],
  ["/server_types", "get"],
  ["/locations", "get"],
  ["/images", "get"],
  ["/ssh_keys", "get"],
];

/** The sections of `info.description` that define behaviour the simulator copies. */
const DESCRIPTION_SECTIONS = [
  "Authentication",
  "Errors",
  "Labels",
  "Label Selector",
  "Pagination",
  "Rate Limiting",
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface ErrorCode {
  readonly status: number;
  readonly code: string;
}

export function extract(specDir: string): object {
  const spec = JSON.parse(readFileSync(join(specDir, SOURCE_FILE), "utf8")) as JsonObject;
  const paths: JsonObject = {};
  const operationIds: string[] = [];
  const operationErrorCodes: Record<string, ErrorCode[]> = {};
  for (const [path, method] of OPERATIONS) {
    const operation = ((spec.paths as JsonObject)[path] as JsonObject | undefined)?.[method] as
      JsonObject | undefined;
    if (!operation) throw new Error(`${SOURCE_FILE}: no ${method.toUpperCase()} ${path}`);
    if (JSON.stringify(operation).includes('"$ref"')) {
      throw new Error(`${SOURCE_FILE}: ${method} ${path} has a $ref; this extractor expects inlined schemas`);
    }
    const id = String(operation.operationId);
    operationIds.push(id);
    const own = errorTable(String(operation.description ?? ""));
    if (own.length > 0) operationErrorCodes[id] = own;
    paths[path] = { ...(paths[path] as JsonObject | undefined), [method]: withoutCodeSamples(operation) };
  }

  const info = spec.info as JsonObject;
  const description = String(info.description);
  const errorCodes = errorTable(section(description, "Errors"));
  if (errorCodes.length < 10) throw new Error(`${SOURCE_FILE}: the error code table was not found`);
  return {
    openapi: spec.openapi,
    info: {
      title: info.title,
      version: info.version,
      description: DESCRIPTION_SECTIONS.map((name) => section(description, name)).join("\n\n"),
    },
    "x-subset": {
      source: `specs/${SOURCE_FILE}`,
      origin: ORIGIN,
      extractedAt: new Date().toISOString().slice(0, 10),
      extractedBy: "packages/simulators/scripts/spec-subsets/hetzner.ts",
      operations: operationIds,
      // Parsed from the "Error Codes" table of info.description and each operation's own table.
      errorCodes,
      operationErrorCodes,
      note: 'Response range keys are kept as Hetzner writes them, in lower case ("4xx", "5xx").',
    },
    servers: spec.servers,
    security: spec.security,
    paths,
    components: { securitySchemes: (spec.components as JsonObject).securitySchemes },
  };
}

function withoutCodeSamples(operation: JsonObject): JsonObject {
  const { "x-codeSamples": _samples, ...rest } = operation;
  return rest;
}

/** A `## Name` section of a markdown text, up to the next `## ` heading. */
function section(markdown: string, name: string): string {
  const start = markdown.indexOf(`\n## ${name}\n`);
  if (start < 0) throw new Error(`${SOURCE_FILE}: info.description has no section "${name}"`);
  const end = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start + 1, end < 0 ? undefined : end).trim();
}

/** Rows "| `409` | `uniqueness_error` | ... |" of a markdown table. */
function errorTable(markdown: string): ErrorCode[] {
  return [...markdown.matchAll(/^\|\s*`(\d{3})`\s*\|\s*`([a-z_]+)`\s*\|/gm)].map((row) => ({
    status: Number(row[1]),
    code: row[2]!,
  }));
}
