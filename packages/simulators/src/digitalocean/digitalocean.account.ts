import type { AddressPool } from "../cloud/address.pool.ts";
import type { CloudFaultBoard } from "../cloud/cloud-faults.ts";
import { ProviderIdSequence } from "../cloud/provider-id.sequence.ts";
import { NOT_FOUND, unprocessable, type DoError } from "./digitalocean.errors.ts";
import {
  DO_IMAGES,
  DO_REGIONS,
  DO_SIZES,
  type DoImage,
  type DoRegion,
  type DoSize,
} from "./digitalocean.inventory.ts";

type DropletStatus = "new" | "active" | "off" | "archive";

interface NetworkV4 {
  readonly ip_address: string;
  readonly netmask: string;
  readonly gateway: string;
  readonly type: "public" | "private";
}

interface NetworkV6 {
  readonly ip_address: string;
  readonly netmask: number;
  readonly gateway: string;
  readonly type: "public";
}

/** A droplet as the API shows it (`#/components/schemas/droplet`). */
export interface Droplet {
  readonly id: number;
  name: string;
  memory: number;
  vcpus: number;
  disk: number;
  locked: boolean;
  status: DropletStatus;
  readonly created_at: string;
  readonly features: string[];
  readonly backup_ids: number[];
  readonly next_backup_window: null;
  readonly snapshot_ids: number[];
  image: DoImage;
  readonly volume_ids: string[];
  size: DoSize;
  size_slug: string;
  networks: { v4: NetworkV4[]; v6: NetworkV6[] };
  readonly region: DoRegion;
  readonly tags: string[];
  readonly vpc_uuid: string;
}

type ActionStatus = "in-progress" | "completed" | "errored";

/** `#/components/schemas/action`. */
export interface DoAction {
  readonly id: number;
  status: ActionStatus;
  readonly type: string;
  readonly started_at: string;
  completed_at: string | null;
  readonly resource_id: number;
  readonly resource_type: "droplet";
  readonly region: DoRegion;
  readonly region_slug: string;
}

interface PendingAction {
  readonly action: DoAction;
  readonly dueAt: number;
  readonly fails: boolean;
  readonly complete: (droplet: Droplet) => void;
}

export interface CreateDroplet {
  readonly name: string;
  readonly region: DoRegion;
  readonly size: DoSize;
  readonly image: DoImage;
  readonly tags: readonly string[];
  readonly ipv6: boolean;
  readonly userData: string;
}

export type DropletActionRequest =
  | { readonly type: "power_on" | "power_off" | "shutdown" | "reboot" | "power_cycle" }
  | { readonly type: "rebuild"; readonly image: DoImage }
  | { readonly type: "resize"; readonly size: DoSize; readonly disk: boolean };

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The droplets and actions of one simulated account. Time is read, not scheduled: every call first
 * settles the actions whose `actionMs` has passed, so an answer always reflects the clock.
 */
export class DigitalOceanAccount {
  readonly #droplets = new Map<number, Droplet>();
  readonly #actions = new Map<number, DoAction>();
  #pending: PendingAction[] = [];
  readonly #dropletIds: ProviderIdSequence;
  readonly #actionIds: ProviderIdSequence;
  #privateAddressesGiven = 0;

  constructor(
    private readonly faults: CloudFaultBoard,
    private readonly addresses: AddressPool,
    private readonly now: () => number = Date.now,
  ) {
    this.#dropletIds = new ProviderIdSequence(now);
    this.#actionIds = new ProviderIdSequence(now);
  }

  region = (slug: string) => DO_REGIONS.find((r) => r.slug === slug);
  size = (slug: string) => DO_SIZES.find((s) => s.slug === slug);
  image = (slugOrId: string | number) =>
    DO_IMAGES.find((i) => i.slug === slugOrId || i.id === Number(slugOrId));

  /** Oldest first, as the API lists them. */
  droplets(): Droplet[] {
    this.settle();
    return [...this.#droplets.values()];
  }

  droplet(id: number): Droplet | undefined {
    this.settle();
    return this.#droplets.get(id);
  }

  action(id: number): DoAction | undefined {
    this.settle();
    return this.#actions.get(id);
  }

  create(spec: CreateDroplet): { droplet: Droplet; action: DoAction } {
    this.settle();
    const id = this.#dropletIds.next();
    const droplet: Droplet = {
      id,
      name: spec.name,
      memory: spec.size.memory,
      vcpus: spec.size.vcpus,
      disk: spec.size.disk,
      locked: true,
      status: "new",
      created_at: iso(this.now()),
      features: spec.ipv6 ? ["ipv6", "droplet_agent"] : ["droplet_agent"],
      backup_ids: [],
      next_backup_window: null,
      snapshot_ids: [],
      image: spec.image,
      volume_ids: [],
      size: spec.size,
      size_slug: spec.size.slug,
      networks: { v4: [], v6: [] },
      region: spec.region,
      tags: [...new Set(spec.tags)],
      vpc_uuid: "760e09ef-dc84-11e8-981e-3cfdfeaae000",
    };
    this.#droplets.set(id, droplet);
    const action = this.#start(droplet, "create", (d) => {
      d.status = "active";
      d.networks = this.#addresses(spec.ipv6);
    });
    return { droplet, action };
  }

  /** Starts an action, or refuses it the way the API does (404, 422). */
  act(dropletId: number, request: DropletActionRequest): DoAction | DoError {
    this.settle();
    const droplet = this.#droplets.get(dropletId);
    if (!droplet) return NOT_FOUND;
    if (droplet.locked) return unprocessable("Droplet already has a pending event.");
    switch (request.type) {
      case "power_on":
        if (droplet.status === "active") return unprocessable("Droplet is already powered on.");
        return this.#start(droplet, request.type, (d) => (d.status = "active"));
      case "power_off":
      case "shutdown":
        if (droplet.status === "off") return unprocessable("Droplet is already powered off.");
        return this.#start(droplet, request.type, (d) => (d.status = "off"));
      case "reboot":
      case "power_cycle":
        return this.#start(droplet, request.type, (d) => (d.status = "active"));
      case "rebuild":
        return this.#start(droplet, request.type, (d) => {
          d.image = request.image;
          d.status = "active";
        });
      case "resize": {
        if (droplet.status !== "off")
          return unprocessable("Droplet is currently on. Please power it off to run this event.");
        if (request.size.slug === droplet.size.slug)
          return unprocessable("The Droplet is already this size.");
        // Neither resize can shrink a disk: a flexible one keeps it, a permanent one grows it.
        if (request.size.disk < droplet.disk)
          return unprocessable("This size is not available because it has a smaller disk.");
        const target = request.size;
        return this.#start(droplet, request.type, (d) => {
          d.size = target;
          d.size_slug = target.slug;
          d.memory = target.memory;
          d.vcpus = target.vcpus;
          if (request.disk) d.disk = target.disk;
        });
      }
    }
  }

  /** Gone at once, as DELETE answers 204 with no action to follow. */
  destroy(dropletId: number): boolean {
    this.settle();
    return this.#droplets.delete(dropletId);
  }

  /** Applies every action whose time has come, in the order they were started. */
  settle(): void {
    const now = this.now();
    const due = this.#pending.filter((p) => p.dueAt <= now);
    if (due.length === 0) return;
    this.#pending = this.#pending.filter((p) => p.dueAt > now);
    for (const { action, dueAt, fails, complete } of due) {
      const droplet = this.#droplets.get(action.resource_id);
      action.status = fails || !droplet ? "errored" : "completed";
      action.completed_at = iso(dueAt);
      if (!droplet) continue;
      droplet.locked = false;
      if (!fails) complete(droplet);
    }
  }

  #start(droplet: Droplet, type: string, complete: (droplet: Droplet) => void): DoAction {
    const startedAt = this.now();
    const action: DoAction = {
      id: this.#actionIds.next(),
      status: "in-progress",
      type,
      started_at: iso(startedAt),
      completed_at: null,
      resource_id: droplet.id,
      resource_type: "droplet",
      region: droplet.region,
      region_slug: droplet.region.slug,
    };
    this.#actions.set(action.id, action);
    droplet.locked = true;
    this.#pending.push({
      action,
      dueAt: startedAt + this.faults.current.actionMs,
      fails: this.faults.take("failNextActions"),
      complete,
    });
    return action;
  }

  /** A public IPv4 and, when asked for, an IPv6 from the shared pool, plus a private VPC address. */
  #addresses(ipv6: boolean): Droplet["networks"] {
    const given = this.addresses.take();
    const n = this.#privateAddressesGiven++;
    const v4: NetworkV4[] = [
      { ip_address: `10.114.0.${(n % 250) + 2}`, netmask: "255.255.240.0", gateway: "nil", type: "private" },
      { ip_address: given.ipv4, netmask: "255.255.255.0", gateway: given.ipv4Gateway, type: "public" },
    ];
    const v6: NetworkV6[] = ipv6
      ? [
          {
            ip_address: `${given.ipv6Prefix}1`,
            netmask: 64,
            gateway: `${given.ipv6Prefix}fffe`,
            type: "public",
          },
        ]
      : [];
    return { v4, v6 };
  }
}
