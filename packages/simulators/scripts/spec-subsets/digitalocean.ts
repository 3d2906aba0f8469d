/**
 * The part of DigitalOcean's official OpenAPI document the simulator and its tests need: the droplet
 * and action operations, the regions, sizes, images and SSH keys lists, and every component they reach. Run through extract-spec-subsets.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const SOURCE_FILE = "digitalocean-v2.json";

/** From specs/README.md: where the bundled copy came from. */
const ORIGIN = {
  repository: "https://github.com/digitalocean/openapi",
  path: "specification/DigitalOcean-public.v2.yaml (and the files it $refs under specification/)",
  commit: "7c1300c479fed9c353cda9fc21cd968619552304",
  commitDate: "2026-08-07",
  license: "Apache-2.0",
  bundledWith: "redocly bundle specification/DigitalOcean-public.v2.yaml --ext json (@redocly/cli 2.77.0)",
};

const OPERATIONS: readonly (readonly [path: string, method: string])[] = [
  ["/v2/droplets", "get"],
  ["/v2/droplets", "post"],
  ["/v2/droplets/{droplet_id}", "get"],
  ["/v2/droplets/{droplet_id}", "delete"],
  ["/v2/droplets/{droplet_id}/actions", "post"],
  ["/v2/droplets/{droplet_id}/actions/{action_id}", "get"],
  ["/v2/actions/{action_id}", "get"],
  ["/v2/regions", "get"],
  ["/v2/sizes", "get"],
  ["/v2/images", "get"],
  ["/v2/account/keys", "get"],
];

const SECURITY_SCHEME = "bearer_auth";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function extract(specDir: string): object {
  const spec = JSON.parse(readFileSync(join(specDir, SOURCE_FILE), "utf8")) as JsonObject;
  const paths: JsonObject = {};
  const operationIds: string[] = [];
  for (const [path, method] of OPERATIONS) {
    const item = (spec.paths as JsonObject)[path] as JsonObject | undefined;
    const operation = item?.[method] as JsonObject | undefined;
    if (!operation) throw new Error(`${SOURCE_FILE}: no ${method.toUpperCase()} ${path}`);
    operationIds.push(String(operation.operationId));
    paths[path] = { ...(paths[path] as JsonObject | undefined), [method]: withoutCodeSamples(operation) };
  }

  const components = spec.components as JsonObject;
  const kept: Record<string, JsonObject> = {
    securitySchemes: { [SECURITY_SCHEME]: getComponent(components, "securitySchemes", SECURITY_SCHEME) },
  };
  const pending = [...refsIn(paths)];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const ref = pending.pop()!;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const [kind, name] = parseRef(ref);
    const value = getComponent(components, kind, name);
    (kept[kind] ??= {})[name] = value;
    pending.push(...refsIn(value));
  }

  const info = spec.info as JsonObject;
  return {
    openapi: spec.openapi,
    info: { title: info.title, version: info.version, license: info.license },
    "x-subset": {
      source: `specs/${SOURCE_FILE}`,
      origin: ORIGIN,
      extractedAt: new Date().toISOString().slice(0, 10),
      extractedBy: "packages/simulators/scripts/spec-subsets/digitalocean.ts",
      operations: operationIds,
    },
    servers: spec.servers,
    security: [{ [SECURITY_SCHEME]: [] }],
    paths,
    components: sortKeys(kept),
  };
}

function withoutCodeSamples(operation: JsonObject): JsonObject {
  const { "x-codeSamples": _samples, ...rest } = operation;
  return rest;
}

function refsIn(value: Json): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== "object") return [];
  const own = typeof value.$ref === "string" ? [value.$ref] : [];
  return [...own, ...Object.values(value).flatMap(refsIn)];
}

function parseRef(ref: string): [kind: string, name: string] {
  const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
  if (!match) throw new Error(`unexpected $ref ${ref}: only whole components are expected`);
  return [match[1]!, match[2]!];
}

function getComponent(components: JsonObject, kind: string, name: string): Json {
  const value = (components[kind] as JsonObject | undefined)?.[name];
  if (value === undefined) throw new Error(`${SOURCE_FILE}: #/components/${kind}/${name} is missing`);
  return value;
}

function sortKeys(groups: Record<string, JsonObject>): JsonObject {
  return Object.fromEntries(
    Object.keys(groups)
      .sort()
      .map((kind) => [
        kind,
        Object.fromEntries(Object.entries(groups[kind]!).sort(([a], [b]) => a.localeCompare(b))),
      ]),
  );
}
