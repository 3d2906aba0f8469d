import { err, ok } from "@peykarband/domain";
import {
  startDigitalOceanSimulator,
  startHetznerSimulator,
  type DigitalOceanSimulator,
  type HetznerSimulator,
} from "@peykarband/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { CloudHttpClient, type CloudTiming } from "./cloud.http-client.ts";
import { digitalOceanPaged, digitalOceanPages } from "./digitalocean/digitalocean.pages.ts";
import { everyPage, type CloudRead } from "./every-page.ts";
import { hetznerPaged, hetznerPages } from "./hetzner/hetzner.pages.ts";

const TIMING: CloudTiming = {
  connectTimeoutMs: 1_000,
  requestTimeoutMs: 2_000,
  maxRetries: 0,
  retryDelayMs: 10,
  maxRateLimitWaitMs: 0,
};

/** A plain GET of a simulator, recording each path asked; `rewrite` plays a provider that misbehaves. */
function reader(baseUrl: string, token: string, rewrite: (json: unknown) => unknown = (json) => json) {
  const http = new CloudHttpClient({
    label: "test",
    baseUrl,
    headers: { authorization: `Bearer ${token}` },
    secrets: [token],
    timing: TIMING,
  });
  const paths: string[] = [];
  const read: CloudRead = async (path, shape, operation) => {
    paths.push(path);
    const answer = await http.send({ method: "GET", path });
    if (!answer.ok) return answer;
    const parsed = shape.safeParse(rewrite(answer.value.json));
    return parsed.success ? ok(parsed.data) : err(http.failure("INVALID_RESPONSE", null, operation));
  };
  return { read, paths, failure: (detail: string) => http.failure("INVALID_RESPONSE", null, detail) };
}

const named = (answer: { regions?: { slug: string }[]; locations?: { name: string }[] }) =>
  answer.regions?.map((r) => r.slug) ?? answer.locations?.map((l) => l.name) ?? [];

describe("everyPage on DigitalOcean's links.pages.next", () => {
  let sim: DigitalOceanSimulator;
  beforeAll(async () => {
    sim = await startDigitalOceanSimulator();
  });
  afterAll(() => sim.close());

  const regionList = digitalOceanPaged.extend({ regions: z.array(z.object({ slug: z.string() })) });
  const regions = (perPage: number, maxPages = 100) => ({
    operation: "list regions",
    shape: regionList,
    pages: digitalOceanPages(`/v2/regions?page=1&per_page=${perPage}`),
    items: named,
    maxPages,
  });

  it("follows the next link through every page, reading each once", async () => {
    const whole = reader(sim.url, sim.token);
    const all = await everyPage(whole.read, regions(200), whole.failure);
    const paged = reader(sim.url, sim.token);
    const listed = await everyPage(paged.read, regions(1), paged.failure);

    expect(all.ok && all.value.length).toBeGreaterThan(2);
    expect(listed).toEqual(all);
    expect(whole.paths).toHaveLength(1);
    expect(paged.paths).toEqual(
      (all.ok ? all.value : []).map((_, i) => `/v2/regions?page=${i + 1}&per_page=1`),
    );
  });

  it("stops at the bound when the next link never ends, and refuses a link off the API", async () => {
    const looping = reader(sim.url, sim.token, (json) => ({
      ...(json as object),
      links: { pages: { next: `${sim.url}/v2/regions?page=1&per_page=2` } },
    }));
    expect(await everyPage(looping.read, regions(2, 3), looping.failure)).toMatchObject({
      ok: false,
      error: { kind: "INVALID_RESPONSE", message: expect.stringContaining("list regions: pages never end") },
    });
    expect(looping.paths).toHaveLength(3);

    const elsewhere = reader(sim.url, sim.token, (json) => ({
      ...(json as object),
      links: { pages: { next: "https://elsewhere.example/steal?page=2" } },
    }));
    expect(await everyPage(elsewhere.read, regions(2), elsewhere.failure)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("list regions: unreadable next page link") },
    });
  });
});

describe("everyPage on Hetzner's meta.pagination.next_page", () => {
  let sim: HetznerSimulator;
  beforeAll(async () => {
    sim = await startHetznerSimulator();
  });
  afterAll(() => sim.close());

  const locationList = hetznerPaged.extend({ locations: z.array(z.object({ name: z.string() })) });
  const locations = (perPage: number) => ({
    operation: "list locations",
    shape: locationList,
    pages: hetznerPages((page) => `/locations?page=${page}&per_page=${perPage}`),
    items: named,
    maxPages: 100,
  });

  it("follows next_page through every page, reading each once", async () => {
    const whole = reader(sim.url, sim.token);
    const all = await everyPage(whole.read, locations(50), whole.failure);
    const paged = reader(sim.url, sim.token);
    const listed = await everyPage(paged.read, locations(1), paged.failure);

    expect(all.ok && all.value.length).toBeGreaterThan(2);
    expect(listed).toEqual(all);
    expect(paged.paths).toEqual(
      (all.ok ? all.value : []).map((_, i) => `/locations?page=${i + 1}&per_page=1`),
    );
  });

  it("refuses a next_page that points back instead of looping", async () => {
    const back = reader(sim.url, sim.token, (json) => {
      const answer = json as { meta: { pagination: object } };
      return { ...answer, meta: { pagination: { ...answer.meta.pagination, next_page: 1 } } };
    });
    expect(await everyPage(back.read, locations(1), back.failure)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("list locations: page 1 points back to 1") },
    });
    expect(back.paths).toHaveLength(1);
  });
});
