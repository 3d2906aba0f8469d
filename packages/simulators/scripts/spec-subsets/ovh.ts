/**
 * The part of OVHcloud's API schemas (`/cloud` and `/auth`) the OVH simulator and its tests need:
 * the instance, flavor, image, region and clock operations, with every model they reach translated
 * from OVH's own schema format into JSON Schema (draft-07, `definitions`), so a validator such as
 * ajv can check the simulator's answers. Run through extract-spec-subsets.ts.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** From specs/README.md: where the copies came from. */
const ORIGIN = {
  repository: "https://github.com/ziouf/n8n-nodes-ovhcloud",
  commit: "14a6c76c0f3121b1a06239fcfd1128e421b26a3c",
  commitDate: "2026-08-17",
  filesLastChangedIn: "1ac66678e67cae7d28f0ead12cabae7b6e3e6896",
  license:
    "The repository is MIT (Copyright 2026 Cyril MARIN); the schema content is OVHcloud's, and OVHcloud states no license for it.",
};

const SOURCES = [
  { file: "ovh-cloud.json", path: "docs/api-specs/v1/cloud.json" },
  { file: "ovh-auth.json", path: "docs/api-specs/v1/auth.json" },
] as const;

const PROJECT = "/cloud/project/{serviceName}";
const OPERATIONS: readonly (readonly [file: string, method: string, path: string])[] = [
  ["ovh-cloud.json", "GET", `${PROJECT}/instance`],
  ["ovh-cloud.json", "POST", `${PROJECT}/instance`],
  ["ovh-cloud.json", "GET", `${PROJECT}/instance/{instanceId}`],
  ["ovh-cloud.json", "DELETE", `${PROJECT}/instance/{instanceId}`],
  ["ovh-cloud.json", "POST", `${PROJECT}/instance/{instanceId}/start`],
  ["ovh-cloud.json", "POST", `${PROJECT}/instance/{instanceId}/stop`],
  ["ovh-cloud.json", "POST", `${PROJECT}/instance/{instanceId}/reboot`],
  ["ovh-cloud.json", "POST", `${PROJECT}/instance/{instanceId}/reinstall`],
  ["ovh-cloud.json", "POST", `${PROJECT}/instance/{instanceId}/resize`],
  ["ovh-cloud.json", "GET", `${PROJECT}/flavor`],
  ["ovh-cloud.json", "GET", `${PROJECT}/image`],
  ["ovh-cloud.json", "GET", `${PROJECT}/region`],
  ["ovh-cloud.json", "GET", `${PROJECT}/sshkey`],
  ["ovh-cloud.json", "GET", "/cloud/project"],
  ["ovh-auth.json", "GET", "/auth/time"],
];

interface OvhProperty {
  readonly fullType: string;
  readonly canBeNull: boolean;
  readonly required?: boolean;
  readonly description?: string;
}
interface OvhModel {
  readonly description?: string;
  readonly enum?: readonly string[];
  readonly properties?: Readonly<Record<string, OvhProperty>>;
}
interface OvhParameter {
  readonly name: string | null;
  readonly paramType: string;
  readonly dataType: string;
  readonly required: boolean;
}
interface OvhOperation {
  readonly httpMethod: string;
  readonly description?: string;
  readonly responseType: string;
  readonly noAuthentication: boolean;
  readonly apiStatus: { readonly value: string };
  readonly parameters: readonly OvhParameter[];
}
interface OvhSchemaFile {
  readonly basePath: string;
  readonly apis: readonly { readonly path: string; readonly operations: readonly OvhOperation[] }[];
  readonly models: Readonly<Record<string, OvhModel>>;
}

type JsonSchema = Record<string, unknown>;

/** OVH's primitive types as JSON Schema (formats as ajv-formats knows them). */
const PRIMITIVES: Readonly<Record<string, JsonSchema>> = {
  string: { type: "string" },
  text: { type: "string" },
  password: { type: "string" },
  long: { type: "integer" },
  int: { type: "integer" },
  double: { type: "number" },
  float: { type: "number" },
  boolean: { type: "boolean" },
  datetime: { type: "string", format: "date-time" },
  date: { type: "string", format: "date" },
  uuid: { type: "string", format: "uuid" },
  ip: { type: "string", anyOf: [{ format: "ipv4" }, { format: "ipv6" }] },
  void: { type: "null" },
};

/**
 * OVH's error body is not in its schema (specs/README.md: "The schema does not describe the HTTP
 * error body"). This one is written from the clients and reports in docs/providers.md §3.
 */
const ERROR_BODY: JsonSchema = {
  $comment: "Not from the OVH schema: docs/providers.md §3 (python-ovh, go-ovh, php-ovh issues).",
  type: "object",
  required: ["message"],
  properties: {
    message: { type: "string" },
    errorCode: { type: "string" },
    httpCode: { type: "string", pattern: "^\\d{3} " },
    class: { type: "string" },
  },
  additionalProperties: false,
};

export function extract(specDir: string): object {
  const files = new Map<string, OvhSchemaFile>();
  const sources = SOURCES.map(({ file, path }) => {
    const text = readFileSync(join(specDir, file), "utf8");
    files.set(file, JSON.parse(text) as OvhSchemaFile);
    return { file, path, sha256: createHash("sha256").update(text).digest("hex") };
  });

  const definitions: Record<string, JsonSchema> = {};
  const operations: Record<string, JsonSchema> = {};
  for (const [file, method, path] of OPERATIONS) {
    const spec = files.get(file)!;
    const operation = spec.apis
      .find((api) => api.path === path)
      ?.operations.find((o) => o.httpMethod === method);
    if (!operation) throw new Error(`${file}: no ${method} ${path}`);
    const translate = (type: string) =>
      schemaFor(type, spec.models, definitions, `${file} ${method} ${path}`);
    const body = operation.parameters.find((p) => p.paramType === "body");
    operations[`${method} ${path}`] = {
      description: operation.description ?? null,
      apiStatus: operation.apiStatus.value,
      noAuthentication: operation.noAuthentication,
      parameters: operation.parameters
        .filter((p) => p.paramType !== "body")
        .map(({ name, paramType, dataType, required }) => ({ name, in: paramType, dataType, required })),
      responseType: operation.responseType,
      response: translate(operation.responseType),
      ...(body ? { requestBodyType: body.dataType, requestBody: translate(body.dataType) } : {}),
    };
  }

  return {
    "x-subset": {
      extractedBy: "packages/simulators/scripts/spec-subsets/ovh.ts",
      extractedAt: new Date().toISOString().slice(0, 10),
      origin: { ...ORIGIN, files: sources },
      format:
        "OVH's own schema format translated to JSON Schema draft-07: models are `definitions` keyed by " +
        "their OVH name; `canBeNull` becomes a null alternative; response models forbid properties the " +
        "model does not declare. `errorBody` is not in the OVH schema (see its $comment).",
    },
    basePath: { cloud: files.get("ovh-cloud.json")!.basePath, auth: files.get("ovh-auth.json")!.basePath },
    operations,
    errorBody: ERROR_BODY,
    definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** A JSON Schema for an OVH type; named models are added to `definitions` (with those they reach). */
function schemaFor(
  type: string,
  models: Readonly<Record<string, OvhModel>>,
  definitions: Record<string, JsonSchema>,
  where: string,
): JsonSchema {
  if (type.endsWith("[]"))
    return { type: "array", items: schemaFor(type.slice(0, -2), models, definitions, where) };
  const primitive = PRIMITIVES[type];
  if (primitive) return primitive;
  const model = models[type];
  if (!model) throw new Error(`${where}: unknown type ${type}`);
  if (!(type in definitions)) {
    definitions[type] = {}; // reserved first: models may refer to each other
    definitions[type] = modelSchema(type, model, models, definitions);
  }
  return { $ref: `#/definitions/${type}` };
}

function modelSchema(
  name: string,
  model: OvhModel,
  models: Readonly<Record<string, OvhModel>>,
  definitions: Record<string, JsonSchema>,
): JsonSchema {
  const description = model.description ?? name;
  if (model.enum) return { description, type: "string", enum: [...model.enum] };
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, property] of Object.entries(model.properties ?? {})) {
    const schema = schemaFor(property.fullType, models, definitions, `${name}.${key}`);
    properties[key] = property.canBeNull ? { anyOf: [schema, { type: "null" }] } : schema;
    if (property.required) required.push(key);
  }
  return {
    description,
    type: "object",
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}
