import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { documentedHeaders, requestProblems, responseProblems } from "../../test/digitalocean-spec.ts";
import { startDigitalOceanSimulator, type DigitalOceanSimulator } from "./digitalocean.simulator.ts";

const ACTION_MS = 150;

interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
}

describe("DigitalOcean v2 simulator", () => {
  let sim: DigitalOceanSimulator;

  /** One call, its body checked against the official spec for the operation and status. */
  const call = async (
    method: string,
    specPath: string,
    path: string,
    body?: unknown,
    token: string | null = sim.token,
  ): Promise<Answer> => {
    const response = await fetch(`${sim.url}${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    expect(responseProblems(specPath, method, response.status, json)).toEqual([]);
    for (const header of documentedHeaders(specPath, method, response.status)) {
      expect(response.headers.get(header), header).not.toBeNull();
    }
    return { status: response.status, headers: response.headers, json };
  };
  /** A valid create unless `overrides` break it on purpose. */
  const create = (overrides: Record<string, unknown> = {}, valid = true) => {
    const body = {
      name: "pk-0190c4d2-7f1e-7000-8000-000000000001",
      region: "fra1",
      size: "s-1vcpu-1gb",
      image: "ubuntu-24-04-x64",
      tags: ["peykarband:test", "peykarband-server:0190c4d2-7f1e-7000-8000-000000000001"],
      ipv6: true,
      user_data: "#cloud-config\nhostname: web-1\n",
      ...overrides,
    };
    expect(requestProblems("/v2/droplets", "POST", body).length === 0).toBe(valid);
    return call("POST", "/v2/droplets", "/v2/droplets", body);
  };
  type DropletJson = {
    id: number;
    status: string;
    locked: boolean;
    networks: { v4: { ip_address: string; type: string }[]; v6: { ip_address: string }[] };
    size_slug: string;
    image: { slug: string };
  };
  const getDroplet = async (id: number) =>
    (await call("GET", "/v2/droplets/{droplet_id}", `/v2/droplets/${id}`)).json as { droplet: DropletJson };
  const act = (id: number, body: Record<string, unknown>) => {
    if (body.type !== "fly")
      expect(requestProblems("/v2/droplets/{droplet_id}/actions", "POST", body)).toEqual([]);
    return call("POST", "/v2/droplets/{droplet_id}/actions", `/v2/droplets/${id}/actions`, body);
  };
  const actionStatus = async (id: number) =>
    (
      (await call("GET", "/v2/actions/{action_id}", `/v2/actions/${id}`)).json as {
        action: { status: string };
      }
    ).action.status;
  // The simulator's clock stands still until a test moves it: an action is in progress until then,
  // however loaded the machine.
  let clock = Date.now();
  const settle = () => {
    clock += ACTION_MS;
  };
  const errorId = (answer: Answer) => (answer.json as { id: string }).id;

  beforeAll(async () => {
    sim = await startDigitalOceanSimulator({
      faults: { actionMs: ACTION_MS },
      random: () => 0,
      now: () => clock,
    });
  });
  beforeEach(() => sim.faults.reset());
  afterAll(() => sim.close());

  it("the spec check bites: a droplet without its required fields does not pass", () => {
    const problems = responseProblems("/v2/droplets/{droplet_id}", "GET", 200, { droplet: { id: 1 } });
    expect(problems.join("\n")).toMatch(/networks/);
  });

  it("creates a droplet (202, links.actions), new and locked with no IPs, then active with public IPs", async () => {
    const answer = await create();
    expect(answer.status).toBe(202);
    expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const { droplet, links } = answer.json as {
      droplet: DropletJson;
      links: { actions: { id: number; rel: string; href: string }[] };
    };
    expect(droplet).toMatchObject({ status: "new", locked: true, networks: { v4: [], v6: [] } });
    expect(links.actions).toEqual([
      { id: expect.any(Number), rel: "create", href: `${sim.url}/v2/actions/${links.actions[0]!.id}` },
    ]);
    expect(await actionStatus(links.actions[0]!.id)).toBe("in-progress");

    await settle();
    expect(await actionStatus(links.actions[0]!.id)).toBe("completed");
    const after = (await getDroplet(droplet.id)).droplet;
    expect(after).toMatchObject({ status: "active", locked: false });
    const publicV4 = after.networks.v4.find((n) => n.type === "public")!.ip_address;
    expect(publicV4).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
    expect(after.networks.v6[0]!.ip_address).toMatch(/^2001:db8:/);
    expect(sim.droplets.withTag("peykarband-server:0190c4d2-7f1e-7000-8000-000000000001")).toHaveLength(1);
  });

  it("lists regions, sizes, images and the account's SSH keys as the spec says, in pages", async () => {
    const regions = (await call("GET", "/v2/regions", "/v2/regions?per_page=2")).json as {
      regions: { slug: string }[];
      links: { pages?: Record<string, string> };
      meta: { total: number };
    };
    expect(regions.regions.map((r) => r.slug)).toEqual(["fra1", "ams3"]);
    expect(regions.meta.total).toBe(3);
    expect(regions.links.pages?.next).toBe(`${sim.url}/v2/regions?per_page=2&page=2`);
    const sizes = (await call("GET", "/v2/sizes", "/v2/sizes")).json as { sizes: { slug: string }[] };
    expect(sizes.sizes.map((s) => s.slug)).toEqual(["s-1vcpu-1gb", "s-1vcpu-2gb", "s-2vcpu-4gb"]);
    const images = (await call("GET", "/v2/images", "/v2/images?type=distribution")).json as {
      images: { slug: string }[];
    };
    expect(images.images.map((i) => i.slug)).toEqual(["ubuntu-24-04-x64", "debian-12-x64"]);
    expect((await call("GET", "/v2/images", "/v2/images?type=application")).json).toMatchObject({
      images: [],
    });
    const keys = (await call("GET", "/v2/account/keys", "/v2/account/keys")).json as {
      ssh_keys: { id: number; fingerprint: string }[];
    };
    expect(keys.ssh_keys).toHaveLength(1);

    // A droplet may be created with those keys, by id or fingerprint, and with no other.
    const [key] = keys.ssh_keys;
    expect((await create({ name: "keyed", ssh_keys: [key!.id, key!.fingerprint] })).status).toBe(202);
    const unknown = await create({ name: "unkeyed", ssh_keys: [key!.id + 1] });
    expect(unknown.status).toBe(422);
    expect(unknown.json).toMatchObject({
      id: "unprocessable_entity",
      message: expect.stringMatching(/ssh_keys/),
    });
    expect(sim.droplets.list().filter((d) => d.name === "unkeyed")).toEqual([]);
  });

  it("lists by tag in pages: links.pages and meta.total, followed to the end", async () => {
    for (let i = 0; i < 5; i++) await create({ name: `paged-${i}`, tags: ["peykarband:paging"] });
    await create({ name: "other", tags: ["someone-else"] });
    const first = await call("GET", "/v2/droplets", "/v2/droplets", undefined);
    expect((first.json as { meta: { total: number } }).meta.total).toBeGreaterThanOrEqual(6);

    const names: string[] = [];
    let path: string | undefined = "/v2/droplets?tag_name=peykarband:paging&per_page=2";
    const seenLinks: Record<string, string>[] = [];
    while (path) {
      const page = await call("GET", "/v2/droplets", path);
      const body = page.json as {
        droplets: { name: string }[];
        links: { pages?: Record<string, string> };
        meta: { total: number };
      };
      expect(body.meta.total).toBe(5);
      names.push(...body.droplets.map((d) => d.name));
      seenLinks.push(body.links.pages ?? {});
      path = body.links.pages?.next?.slice(sim.url.length);
    }
    expect(names).toEqual(["paged-0", "paged-1", "paged-2", "paged-3", "paged-4"]);
    expect(seenLinks.map((l) => Object.keys(l).sort())).toEqual([
      ["last", "next"],
      ["first", "last", "next", "prev"],
      ["first", "prev"],
    ]);

    const byName = await call("GET", "/v2/droplets", "/v2/droplets?name=PAGED-3");
    expect((byName.json as { droplets: { name: string }[] }).droplets.map((d) => d.name)).toEqual([
      "paged-3",
    ]);
    const mixed = await call("GET", "/v2/droplets", "/v2/droplets?tag_name=x&name=y");
    expect(mixed.status).toBe(422);
  });

  it("runs power_off, resize (off only), power_on, reboot and rebuild, refusing what the API refuses", async () => {
    const { droplet } = (await create({ name: "lifecycle", tags: ["peykarband:life"] })).json as {
      droplet: DropletJson;
    };
    const busy = await act(droplet.id, { type: "reboot" });
    expect([busy.status, errorId(busy)]).toEqual([422, "unprocessable_entity"]);
    await settle();

    const resizeOn = await act(droplet.id, { type: "resize", size: "s-1vcpu-2gb", disk: true });
    expect(resizeOn.status).toBe(422);

    const off = await act(droplet.id, { type: "power_off" });
    expect(off.status).toBe(201);
    const offAction = (
      off.json as { action: { id: number; type: string; status: string; resource_id: number } }
    ).action;
    expect(offAction).toMatchObject({ type: "power_off", status: "in-progress", resource_id: droplet.id });
    expect((await getDroplet(droplet.id)).droplet.locked).toBe(true);
    await settle();
    expect((await getDroplet(droplet.id)).droplet.status).toBe("off");
    const viaDroplet = await call(
      "GET",
      "/v2/droplets/{droplet_id}/actions/{action_id}",
      `/v2/droplets/${droplet.id}/actions/${offAction.id}`,
    );
    expect((viaDroplet.json as { action: { status: string } }).action.status).toBe("completed");
    expect((await act(droplet.id, { type: "power_off" })).status).toBe(422);

    expect((await act(droplet.id, { type: "resize", size: "nope" })).status).toBe(422);
    expect((await act(droplet.id, { type: "resize", size: "s-1vcpu-2gb", disk: true })).status).toBe(201);
    await settle();
    expect((await getDroplet(droplet.id)).droplet).toMatchObject({
      size_slug: "s-1vcpu-2gb",
      disk: 50,
      status: "off",
    });

    expect((await act(droplet.id, { type: "power_on" })).status).toBe(201);
    await settle();
    expect((await act(droplet.id, { type: "reboot" })).status).toBe(201);
    await settle();
    expect((await act(droplet.id, { type: "rebuild", image: "centos-9" })).status).toBe(422);
    expect((await act(droplet.id, { type: "rebuild", image: "debian-12-x64" })).status).toBe(201);
    await settle();
    expect((await getDroplet(droplet.id)).droplet).toMatchObject({
      status: "active",
      image: { slug: "debian-12-x64" },
    });
    expect((await act(droplet.id, { type: "fly" })).status).toBe(422);
    expect((await act(999, { type: "reboot" })).status).toBe(404);
  });

  it("validates creates like the API: name, region, size, image, tags; names may repeat", async () => {
    for (const [overrides, message] of [
      [{ name: "bad_name!" }, /hostname characters/],
      [{ region: "mars1" }, /invalid region/],
      [{ size: "s-64vcpu" }, /invalid size/],
      [{ image: "windows-11" }, /invalid image/],
      [{ tags: ["bad tag"] }, /tag/],
    ] as const) {
      const answer = await create(
        { ...overrides, tags: "tags" in overrides ? overrides.tags : ["peykarband:bad"] },
        !("name" in overrides),
      );
      expect(answer.status).toBe(422);
      expect(answer.json).toMatchObject({
        id: "unprocessable_entity",
        message: expect.stringMatching(message),
      });
    }
    expect(sim.droplets.withTag("peykarband:bad")).toHaveLength(0);
    expect((await create({ name: "twin", tags: ["peykarband:twins"] })).status).toBe(202);
    expect((await create({ name: "twin", tags: ["peykarband:twins"] })).status).toBe(202);
    expect(sim.droplets.withTag("peykarband:twins")).toHaveLength(2);
  });

  it("answers 401 in DigitalOcean's envelope without a token or with a wrong one", async () => {
    for (const token of [null, "dop_v1_wrong"]) {
      const answer = await call("GET", "/v2/droplets", "/v2/droplets", undefined, token);
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ id: "unauthorized", message: "Unable to authenticate you" });
    }
  });

  it("deletes with 204 and no body; the droplet is then 404", async () => {
    const { droplet } = (await create({ name: "doomed" })).json as { droplet: DropletJson };
    const gone = await call("DELETE", "/v2/droplets/{droplet_id}", `/v2/droplets/${droplet.id}`);
    expect([gone.status, gone.json]).toEqual([204, undefined]);
    expect((await call("GET", "/v2/droplets/{droplet_id}", `/v2/droplets/${droplet.id}`)).status).toBe(404);
    expect((await call("DELETE", "/v2/droplets/{droplet_id}", `/v2/droplets/${droplet.id}`)).status).toBe(
      404,
    );
  });

  it("faults: 429 with retry-after and counters, 500 in the envelope, a lost create, a failing action", async () => {
    sim.faults.set({ rateLimitNext: 1 });
    const limited = await call("GET", "/v2/droplets", "/v2/droplets");
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ id: "too_many_requests", message: "API rate limit exceeded." });
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(Number(limited.headers.get("ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    expect((await call("GET", "/v2/droplets", "/v2/droplets")).status).toBe(200);

    sim.faults.set({ serverErrorRate: 1 });
    const broken = await call("GET", "/v2/droplets", "/v2/droplets");
    expect([broken.status, errorId(broken)]).toEqual([500, "server_error"]);
    sim.faults.set({ serverErrorRate: 0, loseCreateResponses: 1 });

    await expect(
      fetch(`${sim.url}/v2/droplets`, {
        method: "POST",
        headers: { authorization: `Bearer ${sim.token}`, "content-type": "application/json" },
        body: JSON.stringify({
          name: "lost",
          region: "ams3",
          size: "s-1vcpu-1gb",
          image: "debian-12-x64",
          tags: ["peykarband:lost"],
        }),
      }),
    ).rejects.toThrow();
    expect(sim.droplets.withTag("peykarband:lost")).toHaveLength(1);

    sim.faults.set({ failNextActions: 1 });
    const { droplet, links } = (await create({ name: "fails", tags: ["peykarband:fails"] })).json as {
      droplet: DropletJson;
      links: { actions: { id: number }[] };
    };
    await settle();
    expect(await actionStatus(links.actions[0]!.id)).toBe("errored");
    expect((await getDroplet(droplet.id)).droplet).toMatchObject({ status: "new", locked: false });

    const unknown = await call("GET", "/v2/droplets/{droplet_id}", "/v2/volumes");
    expect([unknown.status, errorId(unknown)]).toEqual([404, "not_found"]);
  });
});
