import { describe, expect, it } from "vitest";
import {
  ACTION_MS,
  api,
  clock,
  conforms,
  createBody,
  requestProblems,
  runningServer,
  sim,
  useHetznerSimulator,
  waitFor,
} from "../../test/hetzner-simulator.ts";

useHetznerSimulator();

describe("Hetzner simulator: actions", () => {
  it("powers off, refuses change_type while running, changes type when off, rebuilds, reboots", async () => {
    const id = await runningServer();
    const early = conforms(
      "change_server_type",
      await api("POST", `/servers/${id}/actions/change_type`, { server_type: "cx32", upgrade_disk: true }),
    );
    expect(early).toMatchObject({ status: 422, body: { error: { code: "server_not_stopped" } } });

    clock.hold();
    const off = conforms("poweroff_server", await api("POST", `/servers/${id}/actions/poweroff`));
    expect(off.status).toBe(201);
    const locked = conforms("reboot_server", await api("POST", `/servers/${id}/actions/reboot`));
    expect(locked).toMatchObject({ status: 423, body: { error: { code: "locked" } } });
    expect((await api("GET", `/servers/${id}`)).body.server.status).toBe("stopping");
    clock.release(ACTION_MS);
    expect(await waitFor(off.body.action.id)).toMatchObject({ command: "stop_server", status: "success" });
    expect((await api("GET", `/servers/${id}`)).body.server.status).toBe("off");

    const smaller = await api("POST", `/servers/${id}/actions/change_type`, {
      server_type: "cx999",
      upgrade_disk: true,
    });
    expect(conforms("change_server_type", smaller).body.error.code).toBe("invalid_server_type");
    const body = { server_type: "cx32", upgrade_disk: true };
    expect(requestProblems("change_server_type", body)).toEqual([]);
    clock.hold();
    const change = conforms(
      "change_server_type",
      await api("POST", `/servers/${id}/actions/change_type`, body),
    );
    expect((await api("GET", `/servers/${id}`)).body.server.status).toBe("migrating");
    clock.release(ACTION_MS);
    await waitFor(change.body.action.id);
    const changed = conforms("get_server", await api("GET", `/servers/${id}`)).body.server;
    expect(changed).toMatchObject({
      status: "running",
      server_type: { name: "cx32" },
      primary_disk_size: 80,
    });

    clock.hold();
    const rebuild = conforms(
      "rebuild_server",
      await api("POST", `/servers/${id}/actions/rebuild`, { image: "debian-12" }),
    );
    expect(typeof rebuild.body.root_password).toBe("string");
    expect((await api("GET", `/servers/${id}`)).body.server.status).toBe("rebuilding");
    clock.release(ACTION_MS);
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

describe("Hetzner simulator: what a project can create from", () => {
  it("lists server types, locations, images and SSH keys as the spec says, in pages", async () => {
    const types = conforms("list_server_types", await api("GET", "/server_types?per_page=2"));
    expect(types.body.server_types.map((t: { name: string }) => t.name)).toEqual(["cx22", "cx32"]);
    expect(types.body.meta.pagination).toMatchObject({ page: 1, next_page: 2, total_entries: 3 });
    expect(types.headers.get("link")).toContain('rel="next"');
    const cx42 = conforms("list_server_types", await api("GET", "/server_types?name=cx42"));
    expect(cx42.body.server_types).toHaveLength(1);
    const locations = conforms("list_locations", await api("GET", "/locations"));
    expect(locations.body.locations.map((l: { name: string }) => l.name)).toEqual(["fsn1", "nbg1", "hel1"]);
    const images = conforms("list_images", await api("GET", "/images?type=system"));
    expect(images.body.images.map((i: { name: string }) => i.name)).toEqual(["ubuntu-24.04", "debian-12"]);
    expect(conforms("list_images", await api("GET", "/images?type=snapshot")).body.images).toEqual([]);
    const keys = conforms("list_ssh_keys", await api("GET", "/ssh_keys?name=peykarband-sandbox"));
    expect(keys.body.ssh_keys).toHaveLength(1);
  });

  it("reads actions by id; listing them all is refused, as the API removed it", async () => {
    const created = await api("POST", "/servers", createBody());
    const ids = [created.body.action.id, created.body.next_actions[0].id];
    const both = conforms("get_actions", await api("GET", `/actions?id=${ids[0]}&id=${ids[1]}`));
    expect(both.body.actions.map((a: { id: number }) => a.id)).toEqual(ids);
    const none = conforms("get_actions", await api("GET", "/actions"));
    expect(none.status).toBe(422);
  });
});
