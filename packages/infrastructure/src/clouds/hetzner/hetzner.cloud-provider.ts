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
  type CloudRequest,
  type CloudTiming,
} from "../cloud.http-client.ts";
import { everyPage, type CloudRead } from "../every-page.ts";
import { readHetznerOfferings } from "./hetzner-offerings.read.ts";
import { readAnswer } from "./hetzner-answer.read.ts";
import { actionRef, actionState, HETZNER_SERVER_ID_LABEL, toProviderServer } from "./hetzner-server.read.ts";
import { hetznerPages } from "./hetzner.pages.ts";
import { actionEnvelope, createServerAnswer, serverEnvelope, serverPage } from "./hetzner.wire.ts";

export const HETZNER_API_URL = "https://api.hetzner.cloud/v1";
export const HETZNER_DEPLOYMENT_LABEL = "peykarband/deployment";

export interface HetznerResizeTiming {
  /** Pause between polls of the actions a resize waits for (power off, change type). */
  readonly actionPollMs: number;
  /** Give up waiting for one of them after this long: TIMEOUT. */
  readonly actionWaitMs: number;
}

export interface HetznerCloudOptions {
  /** Default `https://api.hetzner.cloud/v1`; a simulator's `url` in tests. */
  readonly baseUrl?: string;
  /** The project's API token. */
  readonly token: string;
  /** Labels every server, so `listOurs` sees this deployment's servers only. A valid label value. */
  readonly deployment: string;
  readonly timing?: CloudTiming;
  readonly resizeTiming?: HetznerResizeTiming;
  /** Servers a list page asks for: 1 to 50, default 50 (Hetzner's maximum). */
  readonly perPage?: number;
}

const LABEL_VALUE = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;
const NUMERIC_ID = /^[1-9]\d{0,15}$/;
const MAX_PAGES = 1_000;
const DEFAULT_RESIZE_TIMING: HetznerResizeTiming = { actionPollMs: 1_000, actionWaitMs: 10 * 60_000 };

/**
 * Hetzner Cloud (its spec: packages/simulators/spec-subsets/hetzner.json). Our mark is two labels, the deployment and our server
 * id; the provider-side name is `pk-<server id>`, unique per project, so a create repeated after a
 * lost answer is refused (409 uniqueness_error) instead of making a second server.
 */
export class HetznerCloudProvider implements CloudProvider {
  readonly name = "HETZNER" as const;
  readonly #http: CloudHttpClient;
  readonly #deployment: string;
  readonly #perPage: number;
  readonly #resizeTiming: HetznerResizeTiming;

  constructor(options: HetznerCloudOptions) {
    if (!LABEL_VALUE.test(options.deployment)) {
      throw new RangeError(
        "Hetzner deployment name must be a valid label value (1-63 letters, digits, . _ -)",
      );
    }
    const perPage = options.perPage ?? 50;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 50)
      throw new RangeError("perPage must be 1 to 50");
    this.#deployment = options.deployment;
    this.#perPage = perPage;
    this.#resizeTiming = options.resizeTiming ?? DEFAULT_RESIZE_TIMING;
    this.#http = new CloudHttpClient({
      label: "Hetzner",
      baseUrl: options.baseUrl ?? HETZNER_API_URL,
      headers: { authorization: `Bearer ${options.token}` },
      secrets: [options.token],
      timing: options.timing ?? DEFAULT_CLOUD_TIMING,
    });
  }

  /** Never retried: the use case looks the server up before trying again. */
  async createServer(
    spec: CreateProviderServer,
  ): CloudResult<{ server: ProviderServer; action: ProviderActionRef | null }> {
    const created = await this.#call(
      {
        method: "POST",
        path: "/servers",
        body: {
          name: `pk-${spec.serverId}`,
          server_type: spec.size,
          image: spec.image,
          location: spec.region,
          user_data: spec.userData,
          labels: { [HETZNER_DEPLOYMENT_LABEL]: this.#deployment, [HETZNER_SERVER_ID_LABEL]: spec.serverId },
          start_after_create: true,
        },
      },
      201,
      createServerAnswer,
      "create server",
    );
    if (!created.ok) return created;
    // The create action ends before the server runs; its start is the last of next_actions.
    const last = created.value.next_actions.at(-1) ?? created.value.action;
    return ok({ server: toProviderServer(created.value.server), action: actionRef(last) });
  }

  async findByServerId(serverId: string): CloudResult<readonly ProviderServer[]> {
    if (!LABEL_VALUE.test(serverId)) return ok([]);
    return this.#listAll(
      `${HETZNER_DEPLOYMENT_LABEL}==${this.#deployment},${HETZNER_SERVER_ID_LABEL}==${serverId}`,
    );
  }

  async listOurs(): CloudResult<readonly ProviderServer[]> {
    return this.#listAll(`${HETZNER_DEPLOYMENT_LABEL}==${this.#deployment}`);
  }

  async getServer(providerServerId: string): CloudResult<ProviderServer | null> {
    if (!NUMERIC_ID.test(providerServerId)) return ok(null);
    return this.#http.retrying(async () => {
      const read = await this.#call(
        { method: "GET", path: `/servers/${providerServerId}` },
        200,
        serverEnvelope,
        "get server",
      );
      if (!read.ok) return isNotFound(read.error) ? ok(null) : read;
      return ok(toProviderServer(read.value.server));
    });
  }

  powerOff(providerServerId: string): CloudResult<ProviderActionRef | null> {
    return this.#action(providerServerId, "poweroff");
  }

  powerOn(providerServerId: string): CloudResult<ProviderActionRef | null> {
    return this.#action(providerServerId, "poweron");
  }

  reboot(providerServerId: string): CloudResult<ProviderActionRef | null> {
    return this.#action(providerServerId, "reboot");
  }

  rebuild(providerServerId: string, image: string): CloudResult<ProviderActionRef | null> {
    return this.#action(providerServerId, "rebuild", { image });
  }

  /**
   * Hetzner changes the type of a stopped server only (422 server_not_stopped): power off and wait,
   * change type with the disk (so the plan's disk is really there), then power on again if the
   * server was running and the change left it off. The last action is returned.
   */
  async resize(providerServerId: string, size: string): CloudResult<ProviderActionRef | null> {
    const before = await this.getServer(providerServerId);
    if (!before.ok) return before;
    if (!before.value)
      return err(this.#http.failure("REJECTED", "not_found", `resize: server ${providerServerId} not found`));
    const wasRunning = before.value.state !== "OFF";
    if (wasRunning) {
      const stopped = await this.#actionAndWait(providerServerId, "poweroff");
      if (!stopped.ok) return stopped;
    }
    const changed = await this.#actionAndWait(providerServerId, "change_type", {
      server_type: size,
      upgrade_disk: true,
    });
    if (!changed.ok) return changed;
    if (!wasRunning) return ok(changed.value);
    const after = await this.getServer(providerServerId);
    if (!after.ok) return after;
    return after.value?.state === "OFF" ? this.#action(providerServerId, "poweron") : ok(changed.value);
  }

  /** A server already gone is success: null. */
  async deleteServer(providerServerId: string): CloudResult<ProviderActionRef | null> {
    if (!NUMERIC_ID.test(providerServerId)) return ok(null);
    const deleted = await this.#call(
      { method: "DELETE", path: `/servers/${providerServerId}` },
      200,
      actionEnvelope,
      "delete server",
    );
    if (!deleted.ok) return isNotFound(deleted.error) ? ok(null) : deleted;
    return ok(actionRef(deleted.value.action));
  }

  async getAction(action: ProviderActionRef): CloudResult<ProviderActionState> {
    if (!NUMERIC_ID.test(action.actionId)) {
      return err(
        this.#http.failure(
          "REJECTED",
          "not_found",
          `get action: ${action.actionId} is not a Hetzner action id`,
        ),
      );
    }
    return this.#http.retrying(async () => {
      const read = await this.#call(
        { method: "GET", path: `/actions/${action.actionId}` },
        200,
        actionEnvelope,
        "get action",
      );
      return read.ok ? ok(actionState(read.value.action)) : read;
    });
  }

  offerings(): CloudResult<CloudOfferings> {
    return readHetznerOfferings(this.#read, this.#invalid);
  }

  /** Every page of a label-selected list, oldest server first; each page read is retried. */
  async #listAll(labelSelector: string): CloudResult<readonly ProviderServer[]> {
    const pathOfPage = (page: number) => {
      const query = new URLSearchParams({
        label_selector: labelSelector,
        sort: "id:asc",
        page: String(page),
        per_page: String(this.#perPage),
      });
      return `/servers?${query.toString()}`;
    };
    const listed = await everyPage(
      this.#read,
      {
        operation: "list servers",
        shape: serverPage,
        pages: hetznerPages(pathOfPage),
        items: (answer) => answer.servers,
        maxPages: MAX_PAGES,
      },
      this.#invalid,
    );
    return listed.ok ? ok(listed.value.map(toProviderServer)) : listed;
  }

  /** A read of a 200 answer, retried. */
  readonly #read: CloudRead = (path, shape, operation) =>
    this.#http.retrying(() => this.#call({ method: "GET", path }, 200, shape, operation));

  readonly #invalid = (detail: string) => this.#http.failure("INVALID_RESPONSE", null, detail);

  /** Never retried: a second power action, rebuild or type change is not ours to decide. */
  async #action(
    providerServerId: string,
    name: string,
    body?: object,
  ): CloudResult<ProviderActionRef | null> {
    if (!NUMERIC_ID.test(providerServerId)) {
      return err(
        this.#http.failure(
          "REJECTED",
          "not_found",
          `${name}: ${providerServerId} is not a Hetzner server id`,
        ),
      );
    }
    const started = await this.#call(
      { method: "POST", path: `/servers/${providerServerId}/actions/${name}`, ...(body ? { body } : {}) },
      201,
      actionEnvelope,
      name,
    );
    return started.ok ? ok(actionRef(started.value.action)) : started;
  }

  async #actionAndWait(
    providerServerId: string,
    name: string,
    body?: object,
  ): CloudResult<ProviderActionRef> {
    const started = await this.#action(providerServerId, name, body);
    if (!started.ok) return started;
    const ref = started.value!;
    const deadline = Date.now() + this.#resizeTiming.actionWaitMs;
    for (;;) {
      const state = await this.getAction(ref);
      if (!state.ok) return state;
      if (state.value.status === "DONE") return ok(ref);
      if (state.value.status === "ERROR") {
        return err(this.#http.failure("REJECTED", "action_failed", `${name}: ${state.value.message}`));
      }
      if (Date.now() >= deadline)
        return err(this.#http.failure("TIMEOUT", null, `${name}: action ${ref.actionId} still running`));
      await sleep(this.#resizeTiming.actionPollMs);
    }
  }

  async #call<T>(
    request: CloudRequest,
    status: number,
    schema: z.ZodType<T>,
    operation: string,
  ): Promise<Result<T, CloudFailure>> {
    const answer = await this.#http.send(request);
    return answer.ok ? readAnswer(this.#http, answer.value, { status, schema }, operation) : answer;
  }
}

function isNotFound(failure: CloudFailure): boolean {
  return failure.kind === "REJECTED" && failure.code === "not_found";
}
