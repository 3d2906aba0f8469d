import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { hetznerSpecCheck } from "./hetzner.spec-check.ts";
import { startHetznerSimulator, type HetznerSimulator } from "./hetzner.simulator.ts";

const ACTION_MS = 200;

// OpenAPI annotations (`example`) are not JSON Schema: strict off. Prices are `decimal` strings.
const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
(addFormatsModule as unknown as (ajv: Ajv) => Ajv)(ajv);
ajv.addFormat("decimal", /^-?\d+(\.\d+)?$/);
const { isDocumentedError, requestProblems, responseProblems } = hetznerSpecCheck(ajv);

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // Read loosely on purpose: conforms() checks every body against the spec's schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

let sim: HetznerSimulator;
let names = 0;

/**
 * The simulator reads the clock when it answers and schedules nothing; `Date` stands still in these
 * tests and moves only when a test moves it, so what a poll sees does not depend on the machine.
 */
const passes = (ms: number) => vi.setSystemTime(Date.now() + ms);

beforeAll(async () => {
  // Before the simulator starts: its project and rate limit take `Date.now` when built.
  vi.useFakeTimers({ toFake: ["Date"] });
  sim = await startHetznerSimulator({ faults: { actionMs: ACTION_MS } });
  // Compiling the big inline schemas takes a while: once, before the first test.
  for (const operation of ["create_server", "get_server", "get_action", "list_servers"]) {
    responseProblems(operation, 200, {});
    responseProblems(operation, 201, {});
  }
});
afterAll(async () => {
  await sim.close();
  vi.useRealTimers();
});
beforeEach(() => sim.faults.reset());

async function api(method: string, path: string, body?: unknown, token = sim.token): Promise<Answer> {
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
function conforms(operationId: string, answer: Answer): Answer {
  expect(responseProblems(operationId, answer.status, answer.body)).toEqual([]);
  if (answer.status >= 400) {
    expect(
      isDocumentedError(operationId, answer.status, answer.body.error.code),
      answer.body.error.code,
    ).toBe(true);
  }
  return answer;
}

function createBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
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

async function waitFor(actionId: number): Promise<Answer["body"]> {
  for (;;) {
    const { body } = conforms("get_action", await api("GET", `/actions/${actionId}`));
    if (body.action.status !== "running") return body.action;
    passes(20);
  }
}

async function runningServer(): Promise<number> {
  const created = await api("POST", "/servers", createBody());
  await waitFor(created.body.next_actions[0].id);
  return created.body.server.id as number;
}

describe("Hetzner simulator: authentication", () => {
  it("answers a missing or wrong token with 401 unauthorized", async () => {
    const missing = await fetch(`${sim.url}/servers`);
    conforms("list_servers", {
      status: missing.status,
      headers: missing.headers,
      body: await missing.json(),
    });
    expect(missing.status).toBe(401);
    const wrong = conforms("list_servers", await api("GET", "/servers", undefined, "not-the-token"));
    expect(wrong.body.error.code).toBe("unauthorized");
  });
});

describe("Hetzner simulator: servers", () => {
  it("creates a server that goes initializing → starting → running, then gets its addresses", async () => {
    sim.faults.set({ actionMs: 1_500 });
    const created = conforms("create_server", await api("POST", "/servers", createBody()));
    expect(created.status).toBe(201);
    const { server, action, next_actions, root_password } = created.body;
    expect(server).toMatchObject({ status: "initializing", public_net: { ipv4: null, ipv6: null } });
    expect(action).toMatchObject({
      command: "create_server",
      status: "running",
      progress: 0,
      finished: null,
    });
    expect(next_actions).toMatchObject([{ command: "start_server", status: "running" }]);
    expect(typeof root_password).toBe("string");

    const seen = new Set<string>([server.status]);
    const progress: number[] = [];
    for (;;) {
      const got = conforms("get_server", await api("GET", `/servers/${server.id}`));
      seen.add(got.body.server.status);
      const start = conforms("get_action", await api("GET", `/actions/${next_actions[0].id}`)).body.action;
      progress.push(start.progress);
      if (got.body.server.status === "running") {
        expect(got.body.server.public_net.ipv4.ip).toMatch(/^(203\.0\.113|198\.51\.100)\.\d+$/);
        expect(got.body.server.public_net.ipv6.ip).toMatch(/^2001:db8:[0-9a-f:]*::\/64$/);
        expect(start).toMatchObject({ status: "success", progress: 100, error: null });
        break;
      }
      passes(100);
    }
    expect([...seen]).toEqual(["initializing", "starting", "running"]);
    expect(progress.some((p) => p > 0 && p < 100)).toBe(true);
  });

  it("refuses unknown types, images and locations, bad names and bad JSON the way Hetzner does", async () => {
    for (const [field, value] of [
      ["server_type", "cx999"],
      ["image", "windows-3.11"],
      ["location", "ams1"],
      ["name", "not a hostname!"],
      ["name", "-leading-hyphen"],
    ] as const) {
      const answer = conforms(
        "create_server",
        await api("POST", "/servers", { ...createBody(), [field]: value }),
      );
      expect(answer.status).toBe(422);
      expect(answer.body.error).toMatchObject({
        code: "invalid_input",
        details: { fields: [{ name: field }] },
      });
    }
    const reserved = await api("POST", "/servers", createBody({ labels: { "hetzner.cloud/x": "y" } }));
    expect(conforms("create_server", reserved).body.error.code).toBe("invalid_input");
    const garbage = conforms("create_server", await api("POST", "/servers", "{not json"));
    expect(garbage).toMatchObject({ status: 400, body: { error: { code: "json_error" } } });
  });

  it("keeps names unique per project: 409 uniqueness_error", async () => {
    const body = createBody();
    expect((await api("POST", "/servers", body)).status).toBe(201);
    const again = conforms("create_server", await api("POST", "/servers", body));
    expect(again).toMatchObject({ status: 409, body: { error: { code: "uniqueness_error" } } });
  });

  it("pages through a label-selected list with meta.pagination and a Link header", async () => {
    for (let i = 0; i < 7; i++) {
      await api("POST", "/servers", createBody({ labels: { "peykarband/deployment": "paging" } }));
    }
    const selector = encodeURIComponent("peykarband/deployment=paging");
    const ids: number[] = [];
    for (let page = 1; page <= 3; page++) {
      const answer = conforms(
        "list_servers",
        await api("GET", `/servers?label_selector=${selector}&per_page=3&page=${page}`),
      );
      const { pagination } = answer.body.meta;
      expect(pagination).toMatchObject({ page, per_page: 3, last_page: 3, total_entries: 7 });
      expect(pagination.next_page).toBe(page < 3 ? page + 1 : null);
      expect(pagination.previous_page).toBe(page > 1 ? page - 1 : null);
      expect(answer.headers.get("link")).toContain('rel="last"');
      ids.push(...answer.body.servers.map((s: { id: number }) => s.id));
    }
    expect(ids).toHaveLength(7);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const none = conforms(
      "list_servers",
      await api("GET", "/servers?label_selector=peykarband%2Fdeployment%3Dnobody"),
    );
    expect(none.body).toMatchObject({
      servers: [],
      meta: { pagination: { total_entries: 0, last_page: 1 } },
    });
    const bad = conforms(
      "list_servers",
      await api("GET", `/servers?label_selector=${encodeURIComponent("a in (b")}`),
    );
    expect(bad.body.error.code).toBe("invalid_input");
    expect(sim.countByLabel("peykarband/deployment", "paging")).toBe(7);
  });
});

describe("Hetzner simulator: actions", () => {
  it("powers off, refuses change_type while running, changes type when off, rebuilds, reboots", async () => {
    const id = await runningServer();
    const early = conforms(
      "change_server_type",
      await api("POST", `/servers/${id}/actions/change_type`, { server_type: "cx32", upgrade_disk: true }),
    );
    expect(early).toMatchObject({ status: 422, body: { error: { code: "server_not_stopped" } } });

    const off = conforms("poweroff_server", await api("POST", `/servers/${id}/actions/poweroff`));
    expect(off.status).toBe(201);
    const locked = conforms("reboot_server", await api("POST", `/servers/${id}/actions/reboot`));
    expect(locked).toMatchObject({ status: 423, body: { error: { code: "locked" } } });
    expect((await api("GET", `/servers/${id}`)).body.server.status).toBe("stopping");
    expect(await waitFor(off.body.action.id)).toMatchObject({ command: "stop_server", status: "success" });
    expect((await api("GET", `/servers/${id}`)).body.server.status).toBe("off");

    const smaller = await api("POST", `/servers/${id}/actions/change_type`, {
      server_type: "cx999",
      upgrade_disk: true,
    });
    expect(conforms("change_server_type", smaller).body.error.code).toBe("invalid_server_type");
    const body = { server_type: "cx32", upgrade_disk: true };
    expect(requestProblems("change_server_type", body)).toEqual([]);
    const change = conforms(
      "change_server_type",
      await api("POST", `/servers/${id}/actions/change_type`, body),
    );
    expect((await api("GET", `/servers/${id}`)).body.server.status).toBe("migrating");
    await waitFor(change.body.action.id);
    const changed = conforms("get_server", await api("GET", `/servers/${id}`)).body.server;
    expect(changed).toMatchObject({
      status: "running",
      server_type: { name: "cx32" },
      primary_disk_size: 80,
    });

    const rebuild = conforms(
      "rebuild_server",
      await api("POST", `/servers/${id}/actions/rebuild`, { image: "debian-12" }),
    );
    expect(typeof rebuild.body.root_password).toBe("string");
    expect((await api("GET", `/servers/${id}`)).body.server.status).toBe("rebuilding");
    await waitFor(rebuild.body.action.id);
    expect((await api("GET", `/servers/${id}`)).body.server).toMatchObject({
      status: "running",
      image: { name: "debian-12" },
    });

    const reboot = conforms("reboot_server", await api("POST", `/servers/${id}/actions/reboot`));
    expect(await waitFor(reboot.body.action.id)).toMatchObject({
      command: "reboot_server",
      status: "success",
    });
    const on = conforms("poweron_server", await api("POST", `/servers/${id}/actions/poweron`));
    expect(await waitFor(on.body.action.id)).toMatchObject({ status: "success" });
  });

  it("deletes: 200 with an action, the server gone at once; unknown ids are 404 not_found", async () => {
    const id = await runningServer();
    const deleted = conforms("delete_server", await api("DELETE", `/servers/${id}`));
    expect(deleted).toMatchObject({
      status: 200,
      body: { action: { command: "delete_server", status: "running" } },
    });
    expect(conforms("get_server", await api("GET", `/servers/${id}`)).body.error.code).toBe("not_found");
    expect(conforms("delete_server", await api("DELETE", `/servers/${id}`)).status).toBe(404);
    expect(await waitFor(deleted.body.action.id)).toMatchObject({ status: "success" });
    expect(conforms("get_action", await api("GET", "/actions/999")).status).toBe(404);
    expect(conforms("poweron_server", await api("POST", `/servers/${id}/actions/poweron`)).status).toBe(404);
  });
});

describe("Hetzner simulator: faults", () => {
  it("sends rate-limit headers, and the 429 body with an exhausted budget", async () => {
    const fine = await api("GET", "/servers");
    expect(Number(fine.headers.get("ratelimit-limit"))).toBe(3600);
    expect(Number(fine.headers.get("ratelimit-remaining"))).toBeLessThan(3600);
    expect(Number(fine.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
    sim.faults.set({ rateLimitNext: 1 });
    const limited = conforms("list_servers", await api("GET", "/servers"));
    expect(limited).toMatchObject({ status: 429, body: { error: { code: "rate_limit_exceeded" } } });
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    expect((await api("GET", "/servers")).status).toBe(200);
  });

  it("answers 5xx in Hetzner's envelope", async () => {
    sim.faults.set({ serverErrorRate: 1 });
    const failed = conforms("get_server", await api("GET", "/servers/1"));
    expect(failed).toMatchObject({ status: 500, body: { error: { code: "server_error" } } });
  });

  it("creates the server but loses the answer", async () => {
    sim.faults.set({ loseCreateResponses: 1 });
    const body = createBody();
    await expect(api("POST", "/servers", body)).rejects.toThrow();
    const found = await api("GET", `/servers?name=${body.name as string}`);
    expect(found.body.servers).toHaveLength(1);
    expect(
      sim.countByLabel(
        "peykarband/server-id",
        (body.labels as Record<string, string>)["peykarband/server-id"]!,
      ),
    ).toBe(1);
  });

  it("ends a failing action in error, and a failed create leaves the server unknown", async () => {
    sim.faults.set({ failNextActions: 1 });
    const created = await api("POST", "/servers", createBody());
    const action = await waitFor(created.body.action.id);
    expect(action).toMatchObject({ status: "error", error: { code: "action_failed" } });
    expect(
      conforms("get_action", await api("GET", `/actions/${action.id}`)).body.action.finished,
    ).not.toBeNull();
    await waitFor(created.body.next_actions[0].id);
    expect((await api("GET", `/servers/${created.body.server.id}`)).body.server.status).toBe("unknown");

    const id = await runningServer();
    sim.faults.set({ failNextActions: 1 });
    const off = await api("POST", `/servers/${id}/actions/poweroff`);
    expect(await waitFor(off.body.action.id)).toMatchObject({ status: "error" });
    expect((await api("GET", `/servers/${id}`)).body.server.status).toBe("running");
  });
});

describe("Hetzner spec subset", () => {
  it("records where it came from and when it was extracted", async () => {
    const { readFile } = await import("node:fs/promises");
    const subset = JSON.parse(
      await readFile(new URL("../../spec-subsets/hetzner.json", import.meta.url), "utf8"),
    );
    expect(subset["x-subset"]).toMatchObject({
      source: "specs/hetzner-cloud.json",
      origin: {
        repository: "https://github.com/api-evangelist/hetzner",
        commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      },
      extractedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(subset["x-subset"].origin.license).toContain("None stated");
    expect(isDocumentedError("change_server_type", 422, "server_not_stopped")).toBe(true);
    expect(isDocumentedError("get_server", 422, "server_not_stopped")).toBe(false);
    expect(responseProblems("get_server", 200, { server: { id: "42" } })).not.toEqual([]);
  });
});
