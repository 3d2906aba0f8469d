import type { Rial } from "../money/rial.ts";
import type { CloudProviderName } from "./cloud-provider-name.ts";

/** Where a server runs: one provider's location, under our own id. */
export interface Region {
  /** Ours, stable, e.g. "do-fra1". */
  readonly id: string;
  readonly name: string;
  readonly provider: CloudProviderName;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly city: string;
  /** The provider's own name for it: DO region slug, Hetzner location name, OVH region name. */
  readonly providerRegion: string;
  readonly isAvailable: boolean;
}

/** An operating system a server can be created or rebuilt with, on every provider that offers it. */
export interface Image {
  /** Ours, stable, e.g. "ubuntu-24.04". */
  readonly id: string;
  readonly name: string;
  readonly distribution: string;
  readonly version: string;
  /** The provider's image per provider: DO slug, Hetzner image name, OVH image name (ids differ per OVH region: the adapter resolves them). Absent: not offered there. */
  readonly providerImages: Readonly<Partial<Record<CloudProviderName, string>>>;
}

/** A plan offered in one region: the provider's size there. */
export interface PlanOffer {
  readonly regionId: string;
  /** DO size slug, Hetzner server type name, OVH flavor name (resolved to the region's id by the adapter). */
  readonly providerSize: string;
  readonly isAvailable: boolean;
}

/** What a customer orders: resources and a price in rials, offered in some regions. */
export interface Plan {
  /** Ours, stable, e.g. "do-s-1vcpu-1gb". */
  readonly id: string;
  readonly name: string;
  readonly provider: CloudProviderName;
  readonly vcpus: number;
  readonly memoryMb: number;
  readonly diskGb: number;
  /** What the customer pays, computed from the catalog's cost and markup; never from code. */
  readonly hourlyPrice: Rial;
  readonly monthlyPrice: Rial;
  readonly offers: readonly PlanOffer[];
}
