import type { CloudProviderName, Result } from "@peykarband/domain";

/** How every provider's server states read for us. */
export const PROVIDER_SERVER_STATES = [
  /** Being created or started (DO new, Hetzner initializing/starting, OVH BUILD). */
  "BUILDING",
  /** Running (DO active, Hetzner running, OVH ACTIVE). */
  "RUNNING",
  /** Powered off (DO off, Hetzner off, OVH SHUTOFF/STOPPED). */
  "OFF",
  /** In a transition of its own: rebooting, rebuilding, resizing, stopping, migrating. */
  "BUSY",
  /** Being deleted at the provider. */
  "DELETING",
  /** The provider reports it broken (OVH ERROR, Hetzner unknown). */
  "ERROR",
] as const;
export type ProviderServerState = (typeof PROVIDER_SERVER_STATES)[number];

/** A server as the provider reports it. */
export interface ProviderServer {
  /** The provider's id as text (DO and Hetzner integers, OVH UUIDs). */
  readonly providerServerId: string;
  /** Our server id, read back from the tag (DO), label (Hetzner) or unique name (OVH). */
  readonly serverId: string | null;
  readonly state: ProviderServerState;
  /** The public IPv4, once the provider has given one. */
  readonly ipv4: string | null;
  /** A public IPv6 address (Hetzner gives a /64: the adapter reports its ::1). */
  readonly ipv6: string | null;
}

/** A provider-side operation to wait for: DO and Hetzner actions. OVH has none (null): poll the server. */
export interface ProviderActionRef {
  readonly actionId: string;
}

export type ProviderActionState =
  | { readonly status: "RUNNING"; readonly progress: number | null }
  | { readonly status: "DONE" }
  | { readonly status: "ERROR"; readonly message: string };

export interface CreateProviderServer {
  /** Our server id: put in the DO tag, the Hetzner label, the OVH name. */
  readonly serverId: string;
  /** The provider's region / location (Region.providerRegion). */
  readonly region: string;
  /** PlanOffer.providerSize. */
  readonly size: string;
  /** Image.providerImages[provider]. */
  readonly image: string;
  /** cloud-init: the customer's hostname and SSH keys travel here, not as provider-side objects. */
  readonly userData: string;
}

/**
 * What a cloud offers now, read from its own list endpoints; the names are those the catalog file
 * uses (`Region.providerRegion`, `PlanOffer.providerSize`, `Image.providerImages`).
 */
export interface CloudOfferings {
  /** Regions where servers can be created: DO region slugs, Hetzner locations, OVH regions. */
  readonly regions: readonly string[];
  /** Each size that can be ordered (DO size slugs, Hetzner server types, OVH flavors) and its regions. */
  readonly sizes: Readonly<Record<string, readonly string[]>>;
  /** Each public image (DO slugs, Hetzner and OVH names) and the regions it can be created in. */
  readonly images: Readonly<Record<string, readonly string[]>>;
}

export const CLOUD_FAILURE_KINDS = [
  /** Connection refused or reset, 5xx: nothing sensible came back; safe to retry after a lookup. */
  "UNAVAILABLE",
  /** No answer within the deadline: the provider may or may not have acted. */
  "TIMEOUT",
  /** 429: `retryAfterMs` says when to come back (from the provider's rate-limit headers). */
  "RATE_LIMITED",
  /** A documented refusal (4xx with the provider's error code): retrying the same call will not help. */
  "REJECTED",
  /** An answer we cannot read: never taken as success. */
  "INVALID_RESPONSE",
] as const;
export type CloudFailureKind = (typeof CLOUD_FAILURE_KINDS)[number];

export interface CloudFailure {
  readonly kind: CloudFailureKind;
  /** The provider's code ("unprocessable_entity", "server_not_stopped", "INVALID_SIGNATURE", "503"). */
  readonly code: string | null;
  /** For logs and support; may be shown as a FAILED server's reason. Never contains credentials. */
  readonly message: string;
  /** RATE_LIMITED only: how long to wait, from Retry-After / RateLimit-Reset. */
  readonly retryAfterMs?: number;
}

export type CloudResult<T> = Promise<Result<T, CloudFailure>>;

/**
 * One cloud (DigitalOcean, Hetzner Cloud, OVHcloud) as the provisioning use cases need it. Every
 * server it creates carries this deployment's mark (DO tags, Hetzner labels, an OVH name prefix) and
 * our server id, so `findByServerId` and `listOurs` find it again after any crash.
 *
 * Adapters put a deadline on every call and retry only reads; a create or an action is never
 * retried blindly (the use case looks up first). They return failures, never throw, for the
 * provider's faults; a throw is a bug.
 */
export interface CloudProvider {
  readonly name: CloudProviderName;
  /** Creates one server. The use case has already checked `findByServerId` found nothing. */
  createServer(spec: CreateProviderServer): CloudResult<{
    readonly server: ProviderServer;
    readonly action: ProviderActionRef | null;
  }>;
  /** The server carrying our id, or null. More than one is a duplicate: all are returned, oldest first. */
  findByServerId(serverId: string): CloudResult<readonly ProviderServer[]>;
  /** Null when the provider no longer has it (404). */
  getServer(providerServerId: string): CloudResult<ProviderServer | null>;
  /** Every server of this deployment at this provider, all pages. */
  listOurs(): CloudResult<readonly ProviderServer[]>;
  powerOff(providerServerId: string): CloudResult<ProviderActionRef | null>;
  powerOn(providerServerId: string): CloudResult<ProviderActionRef | null>;
  reboot(providerServerId: string): CloudResult<ProviderActionRef | null>;
  rebuild(providerServerId: string, image: string): CloudResult<ProviderActionRef | null>;
  /** Permanent (disk too). Hetzner's precondition (powered off) is the adapter's business. */
  resize(providerServerId: string, size: string): CloudResult<ProviderActionRef | null>;
  /** A server already gone (404) is success: null. */
  deleteServer(providerServerId: string): CloudResult<ProviderActionRef | null>;
  getAction(action: ProviderActionRef): CloudResult<ProviderActionState>;
  /** Its regions, sizes and images as of now, every page read: to check the catalog against. */
  offerings(): CloudResult<CloudOfferings>;
}

/** The providers configured in this deployment; a missing one makes its regions unavailable. */
export type CloudProviders = Readonly<Partial<Record<CloudProviderName, CloudProvider>>>;
