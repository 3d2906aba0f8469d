import { describe, expect, it } from "vitest";
import { regionalId } from "./ovh-inventory.ts";
import { ovhSignedFetch } from "./ovh-signed.fetch.ts";
import {
  call,
  createInstance,
  errorBodyProblems,
  json,
  P,
  responseProblems,
  sim,
  useOvhSimulator,
  valid,
  waitFor,
} from "../../test/ovh-simulator.ts";

useOvhSimulator();

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
