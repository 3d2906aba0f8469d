import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ovhSignedFetch, type OvhAnswer } from "./ovh-signed.fetch.ts";
import { regionalId } from "./ovh-inventory.ts";
import { startOvhSimulator, type OvhSimulator } from "./ovh.simulator.ts";

// The simulator's answers are checked against the subset of OVH's schema kept in
// spec-subsets/ovh.json (translated to JSON Schema by scripts/spec-subsets/ovh.ts).
interface Subset {
  readonly operations: Readonly<Record<string, { readonly response: object }>>;
  readonly errorBody: object;
  readonly definitions: Readonly<Record<string, object>>;
}

const subset = JSON.parse(
  readFileSync(new URL("../../spec-subsets/ovh.json", import.meta.url), "utf8"),
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
function responseProblems(operation: string, body: unknown): string[] {
  const found = subset.operations[operation];
  if (!found) throw new Error(`the OVH subset has no ${operation}`);
  return problems(validator(operation, found.response), body);
}

/** Problems with `body` as an OVH error body; [] when valid. */
function errorBodyProblems(body: unknown): string[] {
  return problems(validator("errorBody", subset.errorBody), body);
}

function problems(validate: ValidateFunction, body: unknown): string[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`,
  );
}

const ACTION_MS = 250;
const P = "/cloud/project/{serviceName}";

let sim: OvhSimulator;
let api: string;

const call = (method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown) =>
  ovhSignedFetch(method, `${api}${path}`, { credentials: sim.credentials }, body);

/** The answer, after checking it against the operation's schema (or the error body's). */
function valid(operation: string, answer: OvhAnswer): OvhAnswer {
  const problems =
    answer.status === 200 ? responseProblems(operation, answer.json) : errorBodyProblems(answer.json);
  expect(problems, `${operation} → ${answer.status} ${JSON.stringify(answer.json)}`).toEqual([]);
  expect(answer.headers.get("x-ovh-queryid")).toMatch(/^EU\./);
  return answer;
}

const json = (answer: OvhAnswer) => answer.json as Record<string, unknown>;

async function createInstance(name: string, region = "GRA11"): Promise<Record<string, unknown>> {
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

async function waitFor(id: string, wanted: string | number, seen: (string | number)[] = []): Promise<void> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const status = await statusOf(id);
    if (seen.at(-1) !== status) seen.push(status);
    if (status === wanted) return;
    if (Date.now() > deadline) throw new Error(`still ${status}, wanted ${wanted}; saw ${seen.join(" → ")}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  sim = await startOvhSimulator({ faults: { actionMs: ACTION_MS }, clockOffsetSeconds: 0 });
  api = `${sim.url}/1.0/cloud/project/${sim.serviceName}`;
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.reset());

describe("OVH simulator: catalog and clock", () => {
  it("lists the account's projects and the project's SSH keys", async () => {
    const projects = valid(
      "GET /cloud/project",
      await ovhSignedFetch("GET", `${sim.url}/1.0/cloud/project`, { credentials: sim.credentials }),
    );
    expect(projects.json).toEqual([sim.serviceName]);
    const keys = valid(`GET ${P}/sshkey`, await call("GET", "/sshkey?region=GRA11"));
    expect(keys.json).toMatchObject([{ name: "peykarband-sandbox", regions: ["GRA11"] }]);
    const unsigned = await fetch(`${sim.url}/1.0/cloud/project`);
    expect(unsigned.status).toBe(403);
  });

  it("serves /auth/time without authentication, as a bare integer", async () => {
    const response = await fetch(`${sim.url}/1.0/auth/time`);
    const time: unknown = await response.json();
    expect(responseProblems("GET /auth/time", time)).toEqual([]);
    expect(Math.abs((time as number) - Date.now() / 1000)).toBeLessThan(5);
  });

  it("lists regions, and flavors and images whose ids differ per region", async () => {
    const regions = valid(`GET ${P}/region`, await call("GET", "/region"));
    expect(regions.json).toEqual(["GRA11", "SBG5", "WAW1"]);

    const gra = valid(`GET ${P}/flavor`, await call("GET", "/flavor?region=GRA11"));
    const flavors = gra.json as { id: string; name: string; region: string; ram: number }[];
    expect(flavors.map((f) => [f.name, f.region, f.ram])).toEqual([
      ["d2-2", "GRA11", 2048],
      ["d2-4", "GRA11", 4096],
      ["d2-8", "GRA11", 8192],
    ]);
    const all = valid(`GET ${P}/flavor`, await call("GET", "/flavor")).json as { id: string }[];
    expect(all).toHaveLength(9);
    expect(new Set(all.map((f) => f.id)).size).toBe(9);

    const images = valid(`GET ${P}/image`, await call("GET", "/image?region=WAW1&osType=linux"));
    expect((images.json as { name: string }[]).map((i) => i.name)).toEqual(["Ubuntu 24.04", "Debian 12"]);
    expect(valid(`GET ${P}/image`, await call("GET", "/image?osType=windows")).json).toEqual([]);
    expect(valid(`GET ${P}/image`, await call("GET", "/image?osType=amiga")).status).toBe(400);
  });
});

describe("OVH simulator: instances", () => {
  it("builds an instance: BUILD, then ACTIVE with public IPv4 and IPv6", async () => {
    const created = await createInstance("prod-pk-11111111-1111-4111-8111-111111111111");
    expect(created).toMatchObject({ status: "BUILD", region: "GRA11", ipAddresses: [] });
    expect(created.flavor).toMatchObject({ name: "d2-2" });

    await waitFor(String(created.id), "ACTIVE");
    const active = json(await call("GET", `/instance/${String(created.id)}`));
    const addresses = active.ipAddresses as { ip: string; version: number; type: string }[];
    expect(addresses.find((a) => a.version === 4)?.ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
    expect(addresses.find((a) => a.version === 6)?.ip).toMatch(/^2001:db8:/);

    const list = valid(`GET ${P}/instance`, await call("GET", "/instance?region=GRA11"));
    expect((list.json as { id: string }[]).map((i) => i.id)).toContain(created.id);
    expect(valid(`GET ${P}/instance`, await call("GET", "/instance?region=WAW1")).json).toEqual([]);
    expect(sim.instances.countByServerId("11111111-1111-4111-8111-111111111111")).toBe(1);
  });

  it("runs every action through OVH's statuses", async () => {
    const id = String((await createInstance("prod-pk-actions")).id);
    await waitFor(id, "ACTIVE");
    const post = async (action: string, body?: unknown) => {
      const answer = valid(
        `POST ${P}/instance/{instanceId}/${action}`,
        await call("POST", `/instance/${id}/${action}`, body),
      );
      expect(answer.status, JSON.stringify(answer.json)).toBe(200);
      return answer;
    };

    expect((await post("stop")).json).toBeNull();
    let seen: (string | number)[] = [];
    await waitFor(id, "SHUTOFF", seen);
    expect(seen).toEqual(["ACTIVE", "SHUTOFF"]);

    await post("start");
    await waitFor(id, "ACTIVE");

    await post("reboot", { type: "soft" });
    seen = [];
    await waitFor(id, "ACTIVE", seen);
    expect(seen).toEqual(["REBOOT", "ACTIVE"]);

    const rebuilding = await post("reinstall", { imageId: regionalId("image", "Debian 12", "GRA11") });
    expect(json(rebuilding).status).toBe("REBUILD");
    await waitFor(id, "ACTIVE");
    expect(sim.instances.list().find((i) => i.id === id)?.imageId).toBe(
      regionalId("image", "Debian 12", "GRA11"),
    );

    const resizing = await post("resize", { flavorId: regionalId("flavor", "d2-4", "GRA11") });
    expect(json(resizing).status).toBe("RESIZE");
    seen = [];
    await waitFor(id, "ACTIVE", seen);
    expect(seen[0]).toBe("RESIZE");
    expect(sim.instances.list().find((i) => i.id === id)?.flavorId).toBe(
      regionalId("flavor", "d2-4", "GRA11"),
    );

    const removed = valid(`DELETE ${P}/instance/{instanceId}`, await call("DELETE", `/instance/${id}`));
    expect(removed).toMatchObject({ status: 200, json: null });
    seen = [];
    await waitFor(id, 404, seen);
    expect(seen).toEqual(["DELETING", 404]);
    const gone = valid(`DELETE ${P}/instance/{instanceId}`, await call("DELETE", `/instance/${id}`));
    expect(gone.status).toBe(404);
    expect(json(gone).message).toContain(id);
  });

  it("refuses actions in the wrong state and bad bodies, in OVH's envelope", async () => {
    const id = String((await createInstance("prod-pk-refusals")).id);
    const refused = async (action: string, body: unknown, status: number) => {
      const answer = valid(
        `POST ${P}/instance/{instanceId}/${action}`,
        await call("POST", `/instance/${id}/${action}`, body),
      );
      expect(answer.status, JSON.stringify(answer.json)).toBe(status);
      return json(answer);
    };
    expect(await refused("start", undefined, 409)).toMatchObject({ class: "Client::Conflict" });
    await waitFor(id, "ACTIVE");
    expect(await refused("start", undefined, 409)).toMatchObject({ class: "Client::Conflict" });
    expect(await refused("reboot", {}, 400)).toMatchObject({ message: "[type] Property is mandatory" });
    expect(await refused("reboot", { type: "gentle" }, 400)).toMatchObject({ class: "Client::BadRequest" });
    expect(await refused("resize", { flavorId: regionalId("flavor", "d2-4", "SBG5") }, 400)).toMatchObject({
      class: "Client::BadRequest",
    });
    await refused("resize", { flavorId: regionalId("flavor", "d2-4", "GRA11") }, 200);
    await waitFor(id, "ACTIVE");
    // A disk does not shrink: d2-4 (50 GB) cannot go back to d2-2 (25 GB).
    expect(
      String((await refused("resize", { flavorId: regionalId("flavor", "d2-2", "GRA11") }, 400)).message),
    ).toMatch(/smaller/);
  });

  it("validates a create like OVH, and allows a name twice", async () => {
    const good = {
      name: "prod-pk-x",
      region: "SBG5",
      flavorId: regionalId("flavor", "d2-2", "SBG5"),
      imageId: regionalId("image", "Debian 12", "SBG5"),
    };
    const cases: [unknown, RegExp][] = [
      [{ ...good, name: undefined }, /\[name\] Property is mandatory/],
      [{ ...good, name: "" }, /instance name/],
      [{ ...good, name: "a\u0000b" }, /instance name/],
      [{ ...good, name: "x".repeat(256) }, /instance name/],
      [{ ...good, region: "BHS1" }, /Invalid region/],
      [
        { ...good, flavorId: regionalId("flavor", "d2-2", "GRA11") },
        /Flavor .* does not exist in region SBG5/,
      ],
      [{ ...good, imageId: "nope" }, /Image nope does not exist/],
      [{ ...good, name: 42 }, /not valid for type string/],
      [{ ...good, userData: "x".repeat(70_000) }, /userData/],
    ];
    for (const [body, message] of cases) {
      const answer = valid(`POST ${P}/instance`, await call("POST", "/instance", body));
      expect(answer.status).toBe(400);
      expect(json(answer)).toMatchObject({
        class: "Client::BadRequest",
        message: expect.stringMatching(message),
      });
    }
    const before = sim.instances.list().length;
    expect((await call("POST", "/instance", good)).status).toBe(200);
    expect((await call("POST", "/instance", good)).status).toBe(200);
    expect(sim.instances.list().length).toBe(before + 2);
  });

  it("answers 404 in OVH's envelope for an unknown instance, project or path", async () => {
    const unknown = valid(
      `GET ${P}/instance/{instanceId}`,
      await call("GET", "/instance/0b0e2c5e-0000-4000-8000-000000000000"),
    );
    expect(unknown.status).toBe(404);
    expect(json(unknown)).toMatchObject({ class: "Client::NotFound" });
    const project = await ovhSignedFetch("GET", `${sim.url}/1.0/cloud/project/someone-else/instance`, {
      credentials: sim.credentials,
    });
    expect(project.status).toBe(404);
    expect(errorBodyProblems(project.json)).toEqual([]);
    const path = await call("GET", "/volumes");
    expect(path).toMatchObject({ status: 404, json: { message: "Got an invalid (or empty) URL" } });
  });
});

describe("OVH simulator: authentication", () => {
  const refusal = async (override: Record<string, string | null>, delta = 0) => {
    const answer = await ovhSignedFetch("GET", `${api}/instance`, {
      credentials: sim.credentials,
      clockDelta: delta,
      override,
    });
    expect(errorBodyProblems(answer.json)).toEqual([]);
    return { status: answer.status, json: answer.json };
  };

  it("refuses unknown keys and bad signatures with OVH's bodies", async () => {
    expect(await refusal({ "x-ovh-application": null })).toEqual({
      status: 403,
      json: {
        errorCode: "INVALID_KEY",
        httpCode: "403 Forbidden",
        message: "This application key is invalid",
      },
    });
    expect(await refusal({ "x-ovh-consumer": null })).toEqual({
      status: 401,
      json: { message: "You must login first" },
    });
    expect(await refusal({ "x-ovh-consumer": "not-the-key" })).toEqual({
      status: 403,
      json: {
        errorCode: "INVALID_CREDENTIAL",
        httpCode: "403 Forbidden",
        message: "This credential is not valid",
      },
    });
    const invalidSignature = {
      status: 400,
      json: { errorCode: "INVALID_SIGNATURE", httpCode: "400 Bad Request", message: "Invalid signature" },
    };
    expect(await refusal({ "x-ovh-signature": "$1$0000000000000000000000000000000000000000" })).toEqual(
      invalidSignature,
    );
    expect(await refusal({}, 600)).toEqual(invalidSignature);
    expect(await refusal({}, -600)).toEqual(invalidSignature);
  });

  it("accepts what python-ovh signs: the official https URL, whatever host the call reaches", async () => {
    const path = `/1.0/cloud/project/${sim.serviceName}/instance?region=GRA11`;
    const asPythonOvh = await ovhSignedFetch("GET", `${sim.url}${path}`, {
      credentials: sim.credentials,
      signedUrl: `https://eu.api.ovh.com${path}`,
    });
    expect(asPythonOvh.status).toBe(200);
    const body = { name: "signed-as-python-ovh", region: "GRA11", flavorId: "x", imageId: "y" };
    const created = await ovhSignedFetch(
      "POST",
      `${sim.url}/1.0/cloud/project/${sim.serviceName}/instance`,
      {
        credentials: sim.credentials,
        signedUrl: `https://eu.api.ovh.com/1.0/cloud/project/${sim.serviceName}/instance`,
      },
      body,
    );
    // Past the signature: refused for the made-up flavor, not for the URL it signed.
    expect(created.status).toBe(400);
    expect(created.json).toMatchObject({ class: "Client::BadRequest" });

    // Another API's URL, or another path, is still a bad signature.
    for (const signedUrl of [`https://ca.api.ovh.com${path}`, `https://eu.api.ovh.com/1.0/cloud/project`]) {
      const refused = await ovhSignedFetch("GET", `${sim.url}${path}`, {
        credentials: sim.credentials,
        signedUrl,
      });
      expect(refused).toMatchObject({ status: 400, json: { errorCode: "INVALID_SIGNATURE" } });
    }
  });

  it("signs the exact body and query string", async () => {
    // Signed for one query string, sent with another.
    const signedFor = await ovhSignedFetch("GET", `${api}/instance?region=GRA11`, {
      credentials: sim.credentials,
    });
    expect(signedFor.status).toBe(200);
    const headers = {
      "x-ovh-application": sim.credentials.applicationKey,
      "x-ovh-consumer": sim.credentials.consumerKey,
    };
    const replayed = await fetch(`${api}/instance?region=SBG5`, {
      headers: { ...headers, "x-ovh-timestamp": "1", "x-ovh-signature": "$1$x" },
    });
    expect(replayed.status).toBe(400);
  });

  it("accepts calls timed by a client that synced with a skewed API clock", async () => {
    const skewed = await startOvhSimulator({ clockOffsetSeconds: 3_600 });
    try {
      const time = (await (await fetch(`${skewed.url}/1.0/auth/time`)).json()) as number;
      const delta = time - Math.floor(Date.now() / 1000);
      const url = `${skewed.url}/1.0/cloud/project/${skewed.serviceName}/instance`;
      expect((await ovhSignedFetch("GET", url, { credentials: skewed.credentials })).status).toBe(400);
      expect(
        (await ovhSignedFetch("GET", url, { credentials: skewed.credentials, clockDelta: delta })).status,
      ).toBe(200);
    } finally {
      await skewed.close();
    }
  });
});

describe("OVH simulator: faults", () => {
  it("answers 429 with Retry-After and 5xx in OVH's envelope", async () => {
    sim.faults.set({ rateLimitNext: 1 });
    const limited = await call("GET", "/instance");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(errorBodyProblems(limited.json)).toEqual([]);
    expect((await call("GET", "/instance")).status).toBe(200);

    sim.faults.set({ serverErrorRate: 1 });
    const failed = await call("GET", "/instance");
    expect(failed.status).toBe(500);
    expect(errorBodyProblems(failed.json)).toEqual([]);
  });

  it("loses a create's answer after creating the instance", async () => {
    sim.faults.set({ loseCreateResponses: 1 });
    await expect(createInstance("prod-pk-22222222-2222-4222-8222-222222222222")).rejects.toThrow();
    expect(sim.instances.countByServerId("22222222-2222-4222-8222-222222222222")).toBe(1);
  });

  it("ends a failing action in ERROR", async () => {
    sim.faults.set({ failNextActions: 1 });
    const id = String((await createInstance("prod-pk-fails")).id);
    await waitFor(id, "ERROR");
    expect(sim.faults.current.failNextActions).toBe(0);
  });
});
