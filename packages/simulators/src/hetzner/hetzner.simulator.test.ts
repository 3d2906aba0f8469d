import { describe, expect, it } from "vitest";
import {
  api,
  clock,
  conforms,
  createBody,
  isDocumentedError,
  responseProblems,
  sim,
  useHetznerSimulator,
} from "../../test/hetzner-simulator.ts";

useHetznerSimulator();

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
  it("creates a server with its addresses, that goes initializing → starting → running", async () => {
    // Long actions, and the clock moved by hand: each status is seen however loaded the machine is.
    const actionMs = 60_000;
    sim.faults.set({ actionMs });
    clock.hold();
    const created = conforms("create_server", await api("POST", "/servers", createBody()));
    expect(created.status).toBe(201);
    const { server, action, next_actions, root_password } = created.body;
    // Hetzner assigns the public addresses at creation, as the spec's example shows.
    expect(server.status).toBe("initializing");
    expect(server.public_net.ipv4.ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
    expect(server.public_net.ipv6.ip).toMatch(/^2001:db8:[0-9a-f:]*::\/64$/);
    expect(action).toMatchObject({
      command: "create_server",
      status: "running",
      progress: 0,
      finished: null,
    });
    expect(next_actions).toMatchObject([{ command: "start_server", status: "running" }]);
    expect(typeof root_password).toBe("string");

    const read = async () => ({
      server: conforms("get_server", await api("GET", `/servers/${server.id}`)).body.server,
      start: conforms("get_action", await api("GET", `/actions/${next_actions[0].id}`)).body.action,
    });
    clock.release(actionMs / 2 + 1_000);
    clock.hold();
    const halfway = await read();
    expect(halfway.server.status).toBe("starting");
    expect(halfway.start.progress).toBeGreaterThan(0);
    expect(halfway.start.progress).toBeLessThan(100);

    clock.release(actionMs / 2);
    const done = await read();
    expect(done.server.status).toBe("running");
    expect(done.server.public_net).toEqual(server.public_net);
    expect(done.start).toMatchObject({ status: "success", progress: 100, error: null });
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

  it("creates with the project's SSH keys only, and in the data centre asked for", async () => {
    const keys = conforms("list_ssh_keys", await api("GET", "/ssh_keys")).body.ssh_keys;
    expect(keys).toHaveLength(1);
    const keyed = await api("POST", "/servers", createBody({ ssh_keys: [keys[0].name, String(keys[0].id)] }));
    expect(keyed.status).toBe(201);
    expect(keyed.body.root_password).toBeNull();
    const unknown = conforms(
      "create_server",
      await api("POST", "/servers", createBody({ ssh_keys: ["nobody"] })),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({
      code: "invalid_input",
      details: { fields: [{ name: "ssh_keys" }] },
    });

    const { location: _location, ...withoutLocation } = createBody();
    const inHelsinki = conforms(
      "create_server",
      await api("POST", "/servers", { ...withoutLocation, datacenter: "hel1-dc2" }),
    );
    expect(inHelsinki.status).toBe(201);
    expect(inHelsinki.body.server.location.name).toBe("hel1");
    expect(inHelsinki.body.server.datacenter.name).toBe("hel1-dc2");
    const nowhere = conforms(
      "create_server",
      await api("POST", "/servers", { ...withoutLocation, name: "pk-nowhere", datacenter: "xyz1-dc1" }),
    );
    expect(nowhere.body.error).toMatchObject({
      code: "invalid_input",
      details: { fields: [{ name: "datacenter" }] },
    });
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
