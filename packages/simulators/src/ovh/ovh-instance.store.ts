import { randomUUID } from "node:crypto";
import type { AddressPool } from "../cloud/address.pool.ts";

export type OvhInstanceStatus =
  | "BUILD"
  | "ACTIVE"
  | "SHUTOFF"
  | "REBOOT"
  | "HARD_REBOOT"
  | "REBUILD"
  | "RESIZE"
  | "VERIFY_RESIZE"
  | "DELETING"
  | "ERROR";

export interface OvhIpAddress {
  readonly ip: string;
  readonly type: "public";
  readonly version: 4 | 6;
  readonly networkId: string;
  readonly gatewayIp: string | null;
}

/** One status shown until `until` (ms); after the last step the transition lands. */
interface Step {
  readonly status: OvhInstanceStatus;
  readonly until: number;
}

interface Transition {
  readonly steps: readonly Step[];
  /** "GONE": the instance disappears (delete). */
  readonly landsOn: OvhInstanceStatus | "GONE";
  /** The action ends in ERROR instead (the failing-action fault). */
  readonly fails: boolean;
  /** What the action changes, once it has succeeded (a resize's new flavor, a rebuild's image). */
  readonly apply?: (instance: OvhInstance) => void;
}

export interface OvhInstance {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  flavorId: string;
  imageId: string;
  readonly userData: string | null;
  readonly created: string;
  status: OvhInstanceStatus;
  ipAddresses: OvhIpAddress[];
  transition: Transition | null;
}

export interface NewInstance {
  readonly name: string;
  readonly region: string;
  readonly flavorId: string;
  readonly imageId: string;
  readonly userData: string | null;
}

/**
 * The project's instances. Transitions are computed from the clock when an instance is read, so
 * there are no timers to leak and the timing is exact: a status lasts `actionMs`.
 */
export class OvhInstanceStore {
  readonly #instances = new Map<string, OvhInstance>();

  constructor(
    private readonly addresses: AddressPool,
    private readonly now: () => number = Date.now,
  ) {}

  create(spec: NewInstance, actionMs: number, fails: boolean): OvhInstance {
    const instance: OvhInstance = {
      id: randomUUID(),
      ...spec,
      created: new Date(this.now()).toISOString(),
      status: "BUILD",
      ipAddresses: [],
      transition: null,
    };
    this.#instances.set(instance.id, instance);
    this.begin(instance, [{ status: "BUILD", duration: actionMs }], "ACTIVE", fails);
    return instance;
  }

  /** The instance as of now, or undefined once deleted. */
  get(id: string): OvhInstance | undefined {
    const instance = this.#instances.get(id);
    return instance && this.#settle(instance);
  }

  /** Oldest first, as OVH lists them. */
  list(region?: string): OvhInstance[] {
    return [...this.#instances.values()]
      .map((instance) => this.#settle(instance))
      .filter((instance): instance is OvhInstance => instance !== undefined)
      .filter((instance) => region === undefined || instance.region === region);
  }

  begin(
    instance: OvhInstance,
    steps: readonly { status: OvhInstanceStatus; duration: number }[],
    landsOn: OvhInstanceStatus | "GONE",
    fails: boolean,
    apply?: (instance: OvhInstance) => void,
  ): void {
    let at = this.now();
    instance.transition = {
      steps: steps.map(({ status, duration }) => ({ status, until: (at += duration) })),
      landsOn,
      fails,
      ...(apply ? { apply } : {}),
    };
    instance.status = steps[0]?.status ?? instance.status;
    this.#settle(instance);
  }

  #settle(instance: OvhInstance): OvhInstance | undefined {
    const transition = instance.transition;
    if (!transition) return instance;
    const now = this.now();
    const step = transition.steps.find((s) => s.until > now);
    if (step) {
      instance.status = step.status;
      return instance;
    }
    instance.transition = null;
    if (transition.fails) {
      instance.status = "ERROR";
      return instance;
    }
    if (transition.landsOn === "GONE") {
      this.#instances.delete(instance.id);
      return undefined;
    }
    instance.status = transition.landsOn;
    transition.apply?.(instance);
    if (instance.status === "ACTIVE" && instance.ipAddresses.length === 0) {
      instance.ipAddresses = this.#addresses();
    }
    return instance;
  }

  /** A public IPv4 and an IPv6 from the shared pool of documentation addresses. */
  #addresses(): OvhIpAddress[] {
    const given = this.addresses.take();
    return [
      { ip: given.ipv4, type: "public", version: 4, networkId: "", gatewayIp: given.ipv4Gateway },
      { ip: `${given.ipv6Prefix}1`, type: "public", version: 6, networkId: "", gatewayIp: null },
    ];
  }
}
