import { randomBytes } from "node:crypto";
import type { AddressPool } from "../cloud/address.pool.ts";
import { ProviderIdSequence } from "../cloud/provider-id.sequence.ts";
import type { HetznerImage, HetznerLocation, HetznerServerType } from "./hetzner.inventory.ts";

export const HETZNER_SERVER_STATUSES = [
  "running",
  "initializing",
  "starting",
  "stopping",
  "off",
  "deleting",
  "migrating",
  "rebuilding",
  "unknown",
] as const;
export type HetznerServerStatus = (typeof HETZNER_SERVER_STATUSES)[number];

export interface HetznerServerRecord {
  readonly id: number;
  readonly name: string;
  status: HetznerServerStatus;
  readonly created: Date;
  readonly labels: Readonly<Record<string, string>>;
  readonly location: HetznerLocation;
  serverType: HetznerServerType;
  image: HetznerImage;
  userData: string;
  primaryDiskSize: number;
  /** Assigned at creation, as the API does (a server created without a public IPv4 is not simulated). */
  readonly ipv4: string;
  /** The /64 network, assigned at creation. */
  readonly ipv6: string;
  /** The action that holds the server; other actions get 423 `locked` meanwhile. */
  lockedBy: number | null;
}

export interface HetznerActionRecord {
  readonly id: number;
  readonly command: string;
  readonly serverId: number;
  readonly started: Date;
  readonly dueAt: number;
  status: "running" | "success" | "error";
  progress: number;
  finished: Date | null;
  error: { code: string; message: string } | null;
}

/** What an action does to its server while it runs and when it ends. */
export interface ActionPlan {
  readonly command: string;
  readonly durationMs: number;
  /** Ends in `error` instead of its effect. */
  readonly fails: boolean;
  /** Holds the server (423 for other actions) until it ends. */
  readonly locks: boolean;
  /** Status while it runs; unchanged when absent. */
  readonly during?: HetznerServerStatus;
  readonly onSuccess?: (server: HetznerServerRecord) => void;
  /** Default: the server goes back to the status it had before. */
  readonly onFailure?: (server: HetznerServerRecord) => void;
}

interface PendingEffect {
  readonly plan: ActionPlan;
  readonly statusBefore: HetznerServerStatus;
}

/**
 * One Hetzner Cloud project: its servers and their actions. Time is read, not ticked: every call
 * first settles the actions whose time has come, so what a client sees depends only on when it asks.
 */
export class HetznerProject {
  readonly #servers = new Map<number, HetznerServerRecord>();
  readonly #actions = new Map<number, HetznerActionRecord>();
  readonly #effects = new Map<number, PendingEffect>();
  readonly #serverIds: ProviderIdSequence;
  readonly #actionIds: ProviderIdSequence;

  constructor(
    private readonly addresses: AddressPool,
    private readonly now: () => number = Date.now,
  ) {
    this.#serverIds = new ProviderIdSequence(now);
    this.#actionIds = new ProviderIdSequence(now);
  }

  servers(): readonly HetznerServerRecord[] {
    this.settle();
    return [...this.#servers.values()];
  }

  server(id: number): HetznerServerRecord | undefined {
    this.settle();
    return this.#servers.get(id);
  }

  action(id: number): HetznerActionRecord | undefined {
    this.settle();
    return this.#actions.get(id);
  }

  addServer(
    fields: Omit<HetznerServerRecord, "id" | "created" | "ipv4" | "ipv6" | "lockedBy">,
  ): HetznerServerRecord {
    const addresses = this.addresses.take();
    const server: HetznerServerRecord = {
      ...fields,
      id: this.#serverIds.next(),
      created: new Date(this.now()),
      ipv4: addresses.ipv4,
      ipv6: `${addresses.ipv6Prefix}/64`,
      lockedBy: null,
    };
    this.#servers.set(server.id, server);
    return server;
  }

  /** Gone at once, as the API documents; a running action of its ends with nothing left to change. */
  removeServer(id: number): void {
    this.#servers.delete(id);
  }

  startAction(server: HetznerServerRecord, plan: ActionPlan): HetznerActionRecord {
    const now = this.now();
    const action: HetznerActionRecord = {
      id: this.#actionIds.next(),
      command: plan.command,
      serverId: server.id,
      started: new Date(now),
      dueAt: now + plan.durationMs,
      status: "running",
      progress: 0,
      finished: null,
      error: null,
    };
    this.#actions.set(action.id, action);
    this.#effects.set(action.id, { plan, statusBefore: server.status });
    if (plan.during) server.status = plan.during;
    if (plan.locks) server.lockedBy = action.id;
    return action;
  }

  /** Ends the actions whose time has come, oldest due first, and moves the others' progress on. */
  settle(): void {
    const now = this.now();
    const running = [...this.#effects.keys()]
      .map((id) => this.#actions.get(id)!)
      .sort((a, b) => a.dueAt - b.dueAt || a.id - b.id);
    for (const action of running) {
      const { plan, statusBefore } = this.#effects.get(action.id)!;
      if (action.dueAt > now) {
        const elapsed = now - action.started.getTime();
        action.progress = Math.min(99, Math.floor((100 * elapsed) / Math.max(1, plan.durationMs)));
        continue;
      }
      this.#effects.delete(action.id);
      action.finished = new Date(action.dueAt);
      const server = this.#servers.get(action.serverId);
      if (server?.lockedBy === action.id) server.lockedBy = null;
      if (plan.fails) {
        action.status = "error";
        action.error = { code: "action_failed", message: "Action failed" };
        if (server) (plan.onFailure ?? ((s: HetznerServerRecord) => (s.status = statusBefore)))(server);
      } else {
        action.status = "success";
        action.progress = 100;
        if (server) plan.onSuccess?.(server);
      }
    }
  }
}

export function rootPassword(): string {
  return randomBytes(15).toString("base64url").slice(0, 20);
}
