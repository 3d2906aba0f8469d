import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { ovhSignedFetch, type OvhAnswer } from "../src/ovh/ovh-signed.fetch.ts";
import { regionalId } from "../src/ovh/ovh-inventory.ts";
import { startOvhSimulator, type OvhSimulator } from "../src/ovh/ovh.simulator.ts";

// The simulator's answers are checked against the subset of OVH's schema kept in
// spec-subsets/ovh.json (translated to JSON Schema by scripts/spec-subsets/ovh.ts).
interface Subset {
  readonly operations: Readonly<Record<string, { readonly response: object }>>;
  readonly errorBody: object;
  readonly definitions: Readonly<Record<string, object>>;
}

const subset = JSON.parse(
  readFileSync(new URL("../spec-subsets/ovh.json", import.meta.url), "utf8"),
) as Subset;

const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
(addFormatsModule as unknown as (ajv: Ajv) => Ajv)(ajv);
ajv.addSchema({ definitions: subset.definitions }, "ovh");

const compiled = new Map<string, ValidateFunction>();

function validator(key: string, schema: object): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    // The subset's `#/definitions/…` refs resolve inside the document registered as "ovh".
    const rebased = JSON.parse(
      JSON.stringify(schema).replaceAll('"#/definitions/', '"ovh#/definitions/'),
    ) as object;
    validate = ajv.compile(rebased);
    compiled.set(key, validate);
  }
  return validate;
}

/** Problems with `body` as the answer of `operation` ("GET /cloud/project/{serviceName}/instance"); [] when valid. */
export function responseProblems(operation: string, body: unknown): string[] {
  const found = subset.operations[operation];
  if (!found) throw new Error(`the OVH subset has no ${operation}`);
  return problems(validator(operation, found.response), body);
}

/** Problems with `body` as an OVH error body; [] when valid. */
export function errorBodyProblems(body: unknown): string[] {
  return problems(validator("errorBody", subset.errorBody), body);
}

function problems(validate: ValidateFunction, body: unknown): string[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`,
  );
}

const ACTION_MS = 250;
export const P = "/cloud/project/{serviceName}";

export let sim: OvhSimulator;
export let api: string;

export const call = (method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown) =>
  ovhSignedFetch(method, `${api}${path}`, { credentials: sim.credentials }, body);

/** The answer, after checking it against the operation's schema (or the error body's). */
export function valid(operation: string, answer: OvhAnswer): OvhAnswer {
  const problems =
    answer.status === 200 ? responseProblems(operation, answer.json) : errorBodyProblems(answer.json);
  expect(problems, `${operation} → ${answer.status} ${JSON.stringify(answer.json)}`).toEqual([]);
  expect(answer.headers.get("x-ovh-queryid")).toMatch(/^EU\./);
  return answer;
}

export const json = (answer: OvhAnswer) => answer.json as Record<string, unknown>;

export async function createInstance(name: string, region = "GRA11"): Promise<Record<string, unknown>> {
  const answer = valid(
    `POST ${P}/instance`,
    await call("POST", "/instance", {
      name,
      region,
      flavorId: regionalId("flavor", "d2-2", region),
      imageId: regionalId("image", "Ubuntu 24.04", region),
      userData: "#cloud-config\nhostname: web-1\n",
      monthlyBilling: false,
    }),
  );
  expect(answer.status).toBe(200);
  return json(answer);
}

async function statusOf(id: string): Promise<string | number> {
  const answer = valid(`GET ${P}/instance/{instanceId}`, await call("GET", `/instance/${id}`));
  return answer.status === 200 ? String(json(answer).status) : answer.status;
}

export async function waitFor(
  id: string,
  wanted: string | number,
  seen: (string | number)[] = [],
): Promise<void> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const status = await statusOf(id);
    if (seen.at(-1) !== status) seen.push(status);
    if (status === wanted) return;
    if (Date.now() > deadline) throw new Error(`still ${status}, wanted ${wanted}; saw ${seen.join(" → ")}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Starts the simulator for the calling test file (`sim`, `api`), and resets its faults before each test. */
export function useOvhSimulator(): void {
  beforeAll(async () => {
    sim = await startOvhSimulator({ faults: { actionMs: ACTION_MS }, clockOffsetSeconds: 0 });
    api = `${sim.url}/1.0/cloud/project/${sim.serviceName}`;
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.faults.reset());
}
