import type {
  CloudFailure,
  CloudProvider,
  CloudOfferings,
  CloudResult,
  CreateProviderServer,
  ProviderActionRef,
  ProviderActionState,
  ProviderServer,
} from "@peykarband/application";
import { err, ok, type Result } from "@peykarband/domain";
import { setTimeout as sleep } from "node:timers/promises";
import type { z } from "zod";
import {
  CloudHttpClient,
  DEFAULT_CLOUD_TIMING,
  retryAfterMs,
  type CloudAnswer,
  type CloudRequest,
  type CloudTiming,
} from "../cloud.http-client.ts";
import {
  actionEnvelope,
  deploymentTag,
  dropletCreated,
  dropletEnvelope,
  dropletPage,
  errorBody,
  providerServer,
  serverTag,
} from "./digitalocean.wire.ts";
import { everyPage, type CloudRead } from "../every-page.ts";
import { readDigitalOceanOfferings } from "./digitalocean-offerings.read.ts";
import { digitalOceanPages } from "./digitalocean.pages.ts";

export const DIGITALOCEAN_PRODUCTION_URL = "https://api.digitalocean.com";

export interface DigitalOceanProviderOptions {
  /** `https://api.digitalocean.com` or a simulator. */
  readonly baseUrl: string;
  /** A personal access token (`dop_v1_…`) with droplet and action scopes. */
  readonly token: string;
  /** Names this deployment in the `peykarband:<deployment>` tag, so `listOurs` sees only its own. */
  readonly deployment: string;
  readonly timing?: CloudTiming;
  /** Droplets per list page: 200 is the API's maximum. */
  readonly perPage?: number;
  /** A resize first powers the droplet off; how often to look, and for how long, before giving up. */
  readonly powerOffPollMs?: number;
  readonly powerOffWaitMs?: number;
}

const DEPLOYMENT = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** Far more than any account holds: a `next` link that never ends is a provider bug, not a reason to spin. */
const MAX_PAGES = 1_000;

/**
 * DigitalOcean v2 (its spec: packages/simulators/spec-subsets/digitalocean.json): droplets tagged `peykarband:<deployment>` and
 * `peykarband-server:<our id>`, named `pk-<our id>`. Reads are retried; a create or an action is
 * sent once, since a lost answer may hide a droplet or an action that did start.
 */
export class DigitalOceanCloudProvider implements CloudProvider {
  readonly name = "DIGITALOCEAN" as const;
  readonly #http: CloudHttpClient;
  readonly #deploymentTag: string;
  readonly #perPage: number;
  readonly #powerOffPollMs: number;
  readonly #powerOffWaitMs: number;

  constructor(options: DigitalOceanProviderOptions) {
    if (!DEPLOYMENT.test(options.deployment)) {
      throw new RangeError("deployment must be 1-63 lower-case letters, digits, '-' or '_'");
    }
    this.#deploymentTag = deploymentTag(options.deployment);
    this.#perPage = options.perPage ?? 200;
    this.#powerOffPollMs = options.powerOffPollMs ?? 2_000;
    this.#powerOffWaitMs = options.powerOffWaitMs ?? 120_000;
    this.#http = new CloudHttpClient({
      label: "DigitalOcean",
      baseUrl: options.baseUrl,
      headers: { authorization: `Bearer ${options.token}` },
      secrets: [options.token],
      timing: options.timing ?? DEFAULT_CLOUD_TIMING,
    });
  }

  async createServer(spec: CreateProviderServer): CloudResult<{
    readonly server: ProviderServer;
    readonly action: ProviderActionRef | null;
  }> {
    const read = await this.#call(
      {
        method: "POST",
        path: "/v2/droplets",
        body: {
          name: `pk-${spec.serverId}`,
          region: spec.region,
          size: spec.size,
          image: spec.image,
          tags: [this.#deploymentTag, serverTag(spec.serverId)],
          user_data: spec.userData,
          ipv6: true,
          monitoring: false,
        },
      },
      dropletCreated,
      "create droplet",
    );
    if (!read.ok) return read;
    const create = read.value.links.actions.find((a) => a.rel === "create");
    return ok({
      server: providerServer(read.value.droplet),
      action: create ? { actionId: String(create.id) } : null,
    });
  }

  async findByServerId(serverId: string): CloudResult<readonly ProviderServer[]> {
    const listed = await this.#listTagged(serverTag(serverId));
    if (!listed.ok) return listed;
    return ok(listed.value.filter((server) => server.serverId === serverId));
  }

  listOurs(): CloudResult<readonly ProviderServer[]> {
    return this.#listTagged(this.#deploymentTag);
  }

  async getServer(providerServerId: string): CloudResult<ProviderServer | null> {
    return this.#http.retrying<ProviderServer | null>(async () => {
      const read = await this.#call(
        { method: "GET", path: `/v2/droplets/${encodeURIComponent(providerServerId)}` },
        dropletEnvelope,
        "get droplet",
      );
      if (read.ok) return ok(providerServer(read.value.droplet));
      return isNotFound(read.error) ? ok(null) : read;
    });
  }

  powerOff(providerServerId: string): CloudResult<ProviderActionRef | null> {
    return this.#act(providerServerId, { type: "power_off" });
  }

  powerOn(providerServerId: string): CloudResult<ProviderActionRef | null> {
    return this.#act(providerServerId, { type: "power_on" });
  }

  reboot(providerServerId: string): CloudResult<ProviderActionRef | null> {
    return this.#act(providerServerId, { type: "reboot" });
  }

  rebuild(providerServerId: string, image: string): CloudResult<ProviderActionRef | null> {
    return this.#act(providerServerId, { type: "rebuild", image });
  }

  /** DigitalOcean resizes only a powered-off droplet: one that runs is powered off first, and waited for. */
  async resize(providerServerId: string, size: string): CloudResult<ProviderActionRef | null> {
    const server = await this.getServer(providerServerId);
    if (!server.ok) return server;
    if (server.value === null) {
      return err(
        this.#http.failure("REJECTED", "not_found", `resize: droplet ${providerServerId} not found`),
      );
    }
    if (server.value.state !== "OFF") {
      const off = await this.#powerOffAndWait(providerServerId);
      if (!off.ok) return off;
    }
    return this.#act(providerServerId, { type: "resize", size, disk: true });
  }

  async deleteServer(providerServerId: string): CloudResult<ProviderActionRef | null> {
    const answer = await this.#http.send({
      method: "DELETE",
      path: `/v2/droplets/${encodeURIComponent(providerServerId)}`,
    });
    if (!answer.ok) return answer;
    if (answer.value.status === 204) return ok(null);
    const failure = this.#failureOf(answer.value, "delete droplet");
    return isNotFound(failure) ? ok(null) : err(failure);
  }

  async getAction(ref: ProviderActionRef): CloudResult<ProviderActionState> {
    return this.#http.retrying<ProviderActionState>(async () => {
      const read = await this.#call(
        { method: "GET", path: `/v2/actions/${encodeURIComponent(ref.actionId)}` },
        actionEnvelope,
        "get action",
      );
      if (!read.ok) return read;
      const { id, type, status } = read.value.action;
      if (status === "in-progress") return ok({ status: "RUNNING", progress: null });
      if (status === "completed") return ok({ status: "DONE" });
      return ok({ status: "ERROR", message: `DigitalOcean action ${type} ${id} errored` });
    });
  }

  offerings(): CloudResult<CloudOfferings> {
    return readDigitalOceanOfferings(this.#read, this.#invalid);
  }

  async #act(providerServerId: string, body: Record<string, unknown>): CloudResult<ProviderActionRef | null> {
    const read = await this.#call(
      { method: "POST", path: `/v2/droplets/${encodeURIComponent(providerServerId)}/actions`, body },
      actionEnvelope,
      `${String(body.type)} droplet`,
    );
    return read.ok ? ok({ actionId: String(read.value.action.id) }) : read;
  }

  async #powerOffAndWait(providerServerId: string): Promise<Result<void, CloudFailure>> {
    const action = await this.powerOff(providerServerId);
    if (!action.ok) return action;
    const deadline = Date.now() + this.#powerOffWaitMs;
    while (Date.now() < deadline) {
      await sleep(this.#powerOffPollMs);
      const state = await this.getAction(action.value!);
      if (!state.ok) return state;
      if (state.value.status === "DONE") return ok(undefined);
      if (state.value.status === "ERROR") {
        return err(
          this.#http.failure("REJECTED", "errored", `resize: power off failed (${state.value.message})`),
        );
      }
    }
    return err(this.#http.failure("TIMEOUT", null, "resize: the droplet did not power off in time"));
  }

  /** Every droplet with `tag`, all pages, oldest first; each page retried on its own. */
  async #listTagged(tag: string): CloudResult<readonly ProviderServer[]> {
    const first = `/v2/droplets?tag_name=${encodeURIComponent(tag)}&page=1&per_page=${this.#perPage}`;
    const listed = await everyPage(
      this.#read,
      {
        operation: "list droplets",
        shape: dropletPage,
        pages: digitalOceanPages(first),
        items: (answer) => answer.droplets,
        maxPages: MAX_PAGES,
      },
      this.#invalid,
    );
    if (!listed.ok) return listed;
    const servers = listed.value.map(providerServer);
    return ok(servers.sort((a, b) => Number(a.providerServerId) - Number(b.providerServerId)));
  }

  readonly #read: CloudRead = (path, shape, operation) =>
    this.#http.retrying(() => this.#call({ method: "GET", path }, shape, operation));

  readonly #invalid = (detail: string) => this.#http.failure("INVALID_RESPONSE", null, detail);

  async #call<T>(request: CloudRequest, shape: z.ZodType<T>, operation: string): CloudResult<T> {
    const answer = await this.#http.send(request);
    if (!answer.ok) return answer;
    const { status, json } = answer.value;
    if (status < 200 || status >= 300) return err(this.#failureOf(answer.value, operation));
    const parsed = shape.safeParse(json);
    if (!parsed.success) {
      const what = json === undefined ? "a body that is not JSON" : "an unexpected body";
      return err(this.#http.failure("INVALID_RESPONSE", null, `${operation}: HTTP ${status} with ${what}`));
    }
    return ok(parsed.data);
  }

  /** A non-2xx answer in DigitalOcean's terms: `{id, message}` is its error envelope. */
  #failureOf(answer: CloudAnswer, operation: string): CloudFailure {
    const body = errorBody.safeParse(answer.json);
    const code = body.success ? body.data.id : String(answer.status);
    const detail =
      `${operation}: HTTP ${answer.status} ${body.success ? `${body.data.id}: ${body.data.message}` : ""}`.trim();
    if (answer.status === 429) {
      return this.#http.failure("RATE_LIMITED", code, detail, retryAfterMs(answer.headers) ?? 60_000);
    }
    if (answer.status >= 500) return this.#http.failure("UNAVAILABLE", code, detail);
    if (answer.status >= 400 && body.success) return this.#http.failure("REJECTED", code, detail);
    return this.#http.failure(
      "INVALID_RESPONSE",
      null,
      `${operation}: HTTP ${answer.status} without an error body`,
    );
  }
}

const isNotFound = (failure: CloudFailure) => failure.kind === "REJECTED" && failure.code === "not_found";
