import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { hetznerSpecCheck } from "../src/hetzner/hetzner.spec-check.ts";
import { SimulatorClock } from "../src/cloud/simulator.clock.ts";
import { startHetznerSimulator, type HetznerSimulator } from "../src/hetzner/hetzner.simulator.ts";

export const ACTION_MS = 200;

// OpenAPI annotations (`example`) are not JSON Schema: strict off. Prices are `decimal` strings.
const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
(addFormatsModule as unknown as (ajv: Ajv) => Ajv)(ajv);
ajv.addFormat("decimal", /^-?\d+(\.\d+)?$/);
export const { isDocumentedError, requestProblems, responseProblems } = hetznerSpecCheck(ajv);

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // Read loosely on purpose: conforms() checks every body against the spec's schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export let sim: HetznerSimulator;
let names = 0;
/** Held while a test looks at an action in flight (or half done), however loaded the machine. */
export const clock = new SimulatorClock();

/** Starts the simulator for the calling test file (`sim`), and resets its faults before each test. */
export function useHetznerSimulator(): void {
  beforeAll(async () => {
    sim = await startHetznerSimulator({ faults: { actionMs: ACTION_MS }, now: clock.now });
    // Compiling the big inline schemas takes a while: do it before any timing matters.
    for (const operation of ["create_server", "get_server", "get_action", "list_servers"]) {
      responseProblems(operation, 200, {});
      responseProblems(operation, 201, {});
    }
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.faults.reset());
}

export async function api(method: string, path: string, body?: unknown, token = sim.token): Promise<Answer> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** The answer conforms to the spec; an error carries a documented status and code. */
export function conforms(operationId: string, answer: Answer): Answer {
  expect(responseProblems(operationId, answer.status, answer.body)).toEqual([]);
  if (answer.status >= 400) {
    expect(
      isDocumentedError(operationId, answer.status, answer.body.error.code),
      answer.body.error.code,
    ).toBe(true);
  }
  return answer;
}

export function createBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const body = {
    name: `pk-test-${++names}`,
    server_type: "cx22",
    image: "ubuntu-24.04",
    location: "fsn1",
    labels: { "peykarband/deployment": "sim-test", "peykarband/server-id": `id-${names}` },
    user_data: "#cloud-config\nhostname: web\n",
    ...overrides,
  };
  expect(requestProblems("create_server", body)).toEqual([]);
  return body;
}

export async function waitFor(actionId: number): Promise<Answer["body"]> {
  for (;;) {
    const { body } = conforms("get_action", await api("GET", `/actions/${actionId}`));
    if (body.action.status !== "running") return body.action;
    await sleep(20);
  }
}

export async function runningServer(): Promise<number> {
  const created = await api("POST", "/servers", createBody());
  await waitFor(created.body.next_actions[0].id);
  return created.body.server.id as number;
}
