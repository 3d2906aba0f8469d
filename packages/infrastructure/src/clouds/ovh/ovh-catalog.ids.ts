import type { CloudFailure } from "@peykarband/application";
import { err, ok, type Result } from "@peykarband/domain";
import { z } from "zod";
import type { OvhApiClient } from "./ovh-api.client.ts";
import { ovhFlavor, ovhImage } from "./ovh.wire.ts";

type Kind = "flavor" | "image";

interface Entry {
  readonly id: string;
  readonly usable: boolean;
}

/**
 * Our catalog names OVH flavors and images ("d2-2", "Ubuntu 24.04"); OVH wants their ids, which
 * differ per region. Each region's list is read once and kept; a name it lacks drops the cached
 * list, so a flavor or image OVH adds later is found on the next call.
 */
export class OvhCatalogIds {
  readonly #cache = new Map<string, ReadonlyMap<string, Entry>>();

  constructor(
    private readonly api: OvhApiClient,
    private readonly project: string,
  ) {}

  flavorId(region: string, name: string): Promise<Result<string, CloudFailure>> {
    return this.#id("flavor", region, name);
  }

  imageId(region: string, name: string): Promise<Result<string, CloudFailure>> {
    return this.#id("image", region, name);
  }

  async #id(kind: Kind, region: string, name: string): Promise<Result<string, CloudFailure>> {
    const key = `${kind}:${region}`;
    let entries = this.#cache.get(key);
    if (!entries) {
      const loaded = await this.#load(kind, region);
      if (!loaded.ok) return loaded;
      entries = loaded.value;
      this.#cache.set(key, entries);
    }
    const entry = entries.get(name);
    const code = kind === "flavor" ? "FLAVOR" : "IMAGE";
    if (!entry) {
      this.#cache.delete(key);
      return err(
        this.api.http.failure("REJECTED", `${code}_NOT_FOUND`, `no ${kind} "${name}" in region ${region}`),
      );
    }
    if (!entry.usable) {
      return err(
        this.api.http.failure(
          "REJECTED",
          `${code}_UNAVAILABLE`,
          `${kind} "${name}" is not available in ${region}`,
        ),
      );
    }
    return ok(entry.id);
  }

  #load(kind: Kind, region: string): Promise<Result<ReadonlyMap<string, Entry>, CloudFailure>> {
    const query =
      kind === "flavor"
        ? `?region=${encodeURIComponent(region)}`
        : `?region=${encodeURIComponent(region)}&osType=linux`;
    const path = `${this.project}/${kind}${query}`;
    return this.api.http.retrying(async () => {
      const answer = await this.api.send({ method: "GET", path });
      if (!answer.ok) return answer;
      if (kind === "flavor") {
        const read = this.api.read(answer.value, z.array(ovhFlavor), `GET ${kind}`);
        if (!read.ok) return read;
        return ok(
          entriesOf(
            read.value
              .filter((f) => f.region === region)
              .map((f) => [f.name, { id: f.id, usable: f.available }]),
          ),
        );
      }
      const read = this.api.read(answer.value, z.array(ovhImage), `GET ${kind}`);
      if (!read.ok) return read;
      return ok(
        entriesOf(
          read.value
            .filter((i) => i.region === region)
            .map((i) => [i.name, { id: i.id, usable: i.status === "active" }]),
        ),
      );
    });
  }
}

/** The first usable entry of a name wins (a project can hold images of the same name). */
function entriesOf(pairs: readonly (readonly [string, Entry])[]): ReadonlyMap<string, Entry> {
  const map = new Map<string, Entry>();
  for (const [name, entry] of pairs) {
    const known = map.get(name);
    if (!known || (!known.usable && entry.usable)) map.set(name, entry);
  }
  return map;
}
