import type {
  CloudFailure,
  CloudOfferings,
  CloudProvider,
  CloudResult,
  CreateProviderServer,
  ProviderActionRef,
  ProviderActionState,
  ProviderServer,
} from "@peykarband/application";
import { err, ok, type Result } from "@peykarband/domain";
import { z } from "zod";
import { DEFAULT_CLOUD_TIMING, type CloudMethod, type CloudTiming } from "../cloud.http-client.ts";
import { OvhApiClient, type OvhCredentials } from "./ovh-api.client.ts";
import { OvhCatalogIds } from "./ovh-catalog.ids.ts";
import { readOvhOfferings } from "./ovh-offerings.read.ts";
import { ovhInstance, ovhVoid, providerState, type OvhInstance } from "./ovh.wire.ts";

export interface OvhCloudProviderOptions {
  /** `https://eu.api.ovh.com/1.0` (ovh-eu), `https://ca.api.ovh.com/1.0`, or a simulator's `${url}/1.0`. */
  readonly baseUrl: string;
  /** The API base the signatures name, when the calls go elsewhere (see OvhApiClientOptions). */
  readonly signedBaseUrl?: string;
  readonly credentials: OvhCredentials;
  /** The Public Cloud project id (`serviceName`). */
  readonly serviceName: string;
  /** This deployment's name: instances are named `<deployment>-pk-<serverId>`. */
  readonly deployment: string;
  readonly timing?: CloudTiming;
  /** This machine's clock, ms. Default Date.now. */
  readonly now?: () => number;
}

const DEPLOYMENT = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * OVHcloud Public Cloud, classic v1 instance API (its schema: packages/simulators/spec-subsets/ovh.json). OVH has no tags and
 * no action objects: our mark is the instance name, `<deployment>-pk-<serverId>`, and every action
 * returns a null ProviderActionRef (the caller polls `getServer`). Lists come whole (no paging).
 * The catalog names flavors and images; their per-region ids are looked up here.
 */
export class OvhCloudProvider implements CloudProvider {
  readonly name = "OVH" as const;
  readonly #api: OvhApiClient;
  readonly #catalog: OvhCatalogIds;
  readonly #project: string;
  readonly #prefix: string;

  constructor(options: OvhCloudProviderOptions) {
    if (!DEPLOYMENT.test(options.deployment)) {
      throw new RangeError("OVH deployment name: 1 to 40 lower-case letters, digits and dashes");
    }
    this.#api = new OvhApiClient({
      baseUrl: options.baseUrl,
      ...(options.signedBaseUrl ? { signedBaseUrl: options.signedBaseUrl } : {}),
      credentials: options.credentials,
      timing: options.timing ?? DEFAULT_CLOUD_TIMING,
      now: options.now ?? Date.now,
    });
    this.#project = `/cloud/project/${encodeURIComponent(options.serviceName)}`;
    this.#prefix = `${options.deployment}-pk-`;
    this.#catalog = new OvhCatalogIds(this.#api, this.#project);
  }

  /** Never retried: a lost answer may hide a created instance; the caller looks it up by name first. */
  async createServer(
    spec: CreateProviderServer,
  ): CloudResult<{ readonly server: ProviderServer; readonly action: ProviderActionRef | null }> {
    const flavorId = await this.#catalog.flavorId(spec.region, spec.size);
    if (!flavorId.ok) return flavorId;
    const imageId = await this.#catalog.imageId(spec.region, spec.image);
    if (!imageId.ok) return imageId;
    const created = await this.#once("POST", "/instance", ovhInstance, "create instance", {
      name: `${this.#prefix}${spec.serverId}`,
      region: spec.region,
      flavorId: flavorId.value,
      imageId: imageId.value,
      userData: spec.userData,
      monthlyBilling: false,
    });
    if (!created.ok) return created;
    return ok({ server: this.#server(created.value), action: null });
  }

  async findByServerId(serverId: string): CloudResult<readonly ProviderServer[]> {
    const all = await this.#listInstances();
    if (!all.ok) return all;
    const name = `${this.#prefix}${serverId}`;
    return ok(oldestFirst(all.value.filter((i) => i.name === name)).map((i) => this.#server(i)));
  }

  async getServer(providerServerId: string): CloudResult<ProviderServer | null> {
    const path = `${this.#project}/instance/${encodeURIComponent(providerServerId)}`;
    return this.#api.http.retrying(async () => {
      const answer = await this.#api.send({ method: "GET", path });
      if (!answer.ok) return answer;
      if (this.#api.isNotFound(answer.value)) return ok(null);
      const read = this.#api.read(answer.value, ovhInstance, "get instance");
      return read.ok ? ok(this.#server(read.value)) : read;
    });
  }

  offerings(): CloudResult<CloudOfferings> {
    return readOvhOfferings(this.#api, this.#project);
  }

  async listOurs(): CloudResult<readonly ProviderServer[]> {
    const all = await this.#listInstances();
    if (!all.ok) return all;
    return ok(
      oldestFirst(all.value.filter((i) => i.name.startsWith(this.#prefix))).map((i) => this.#server(i)),
    );
  }

  powerOff(providerServerId: string): CloudResult<ProviderActionRef | null> {
    return this.#action(providerServerId, "stop");
  }

  powerOn(providerServerId: string): CloudResult<ProviderActionRef | null> {
    return this.#action(providerServerId, "start");
  }

  /** A soft (ACPI) reboot, as DigitalOcean's and Hetzner's reboot are. */
  reboot(providerServerId: string): CloudResult<ProviderActionRef | null> {
    return this.#action(providerServerId, "reboot", { type: "soft" });
  }

  /** `image` is the image's name; its id is the one in the instance's region. */
  async rebuild(providerServerId: string, image: string): CloudResult<ProviderActionRef | null> {
    const instance = await this.#instance(providerServerId);
    if (!instance.ok) return instance;
    const imageId = await this.#catalog.imageId(instance.value.region, image);
    if (!imageId.ok) return imageId;
    const done = await this.#once(
      "POST",
      this.#instancePath(providerServerId, "reinstall"),
      ovhInstance,
      "reinstall",
      {
        imageId: imageId.value,
      },
    );
    return done.ok ? ok(null) : done;
  }

  /** `size` is the flavor's name; its id is the one in the instance's region. */
  async resize(providerServerId: string, size: string): CloudResult<ProviderActionRef | null> {
    const instance = await this.#instance(providerServerId);
    if (!instance.ok) return instance;
    const flavorId = await this.#catalog.flavorId(instance.value.region, size);
    if (!flavorId.ok) return flavorId;
    const done = await this.#once(
      "POST",
      this.#instancePath(providerServerId, "resize"),
      ovhInstance,
      "resize",
      {
        flavorId: flavorId.value,
      },
    );
    return done.ok ? ok(null) : done;
  }

  async deleteServer(providerServerId: string): CloudResult<ProviderActionRef | null> {
    const answer = await this.#api.send({ method: "DELETE", path: this.#instancePath(providerServerId) });
    if (!answer.ok) return answer;
    if (this.#api.isNotFound(answer.value)) return ok(null);
    const read = this.#api.read(answer.value, ovhVoid, "delete instance");
    return read.ok ? ok(null) : read;
  }

  /** OVH's instance calls return no action to follow: a caller asking is a bug, answered as a refusal. */
  async getAction(action: ProviderActionRef): CloudResult<ProviderActionState> {
    return err(
      this.#api.http.failure(
        "REJECTED",
        null,
        `has no actions (asked for ${action.actionId}): poll the server`,
      ),
    );
  }

  #server(instance: OvhInstance): ProviderServer {
    const publicV4 = instance.ipAddresses.find((a) => a.version === 4 && a.type === "public");
    const publicV6 = instance.ipAddresses.find((a) => a.version === 6 && a.type === "public");
    return {
      providerServerId: instance.id,
      serverId: instance.name.startsWith(this.#prefix)
        ? instance.name.slice(this.#prefix.length) || null
        : null,
      state: providerState(instance.status),
      ipv4: publicV4?.ip ?? null,
      ipv6: publicV6?.ip ?? null,
    };
  }

  #instancePath(providerServerId: string, action?: string): string {
    return `${this.#project}/instance/${encodeURIComponent(providerServerId)}${action ? `/${action}` : ""}`;
  }

  /** OVH returns every instance of the project in one array: there is no page to follow. */
  #listInstances(): Promise<Result<OvhInstance[], CloudFailure>> {
    return this.#api.http.retrying(async () => {
      const answer = await this.#api.send({ method: "GET", path: `${this.#project}/instance` });
      if (!answer.ok) return answer;
      return this.#api.read(answer.value, z.array(ovhInstance), "list instances");
    });
  }

  /** The instance, read (and retried) before an action that needs its region. */
  async #instance(providerServerId: string): Promise<Result<OvhInstance, CloudFailure>> {
    return this.#api.http.retrying(async () => {
      const answer = await this.#api.send({ method: "GET", path: this.#instancePath(providerServerId) });
      if (!answer.ok) return answer;
      return this.#api.read(answer.value, ovhInstance, "get instance");
    });
  }

  async #action(
    providerServerId: string,
    action: string,
    body?: unknown,
  ): CloudResult<ProviderActionRef | null> {
    const done = await this.#once(
      "POST",
      this.#instancePath(providerServerId, action),
      ovhVoid,
      action,
      body,
    );
    return done.ok ? ok(null) : done;
  }

  /** One attempt of a call that changes something: never repeated here. */
  async #once<T>(
    method: CloudMethod,
    path: string,
    success: z.ZodType<T>,
    operation: string,
    body?: unknown,
  ): Promise<Result<T, CloudFailure>> {
    const fullPath = path.startsWith("/cloud/") ? path : `${this.#project}${path}`;
    const answer = await this.#api.send({ method, path: fullPath, ...(body === undefined ? {} : { body }) });
    if (!answer.ok) return answer;
    return this.#api.read(answer.value, success, operation);
  }
}

function oldestFirst(instances: OvhInstance[]): OvhInstance[] {
  const time = (i: OvhInstance) => Date.parse(i.created) || 0;
  return [...instances].sort((a, b) => time(a) - time(b));
}
