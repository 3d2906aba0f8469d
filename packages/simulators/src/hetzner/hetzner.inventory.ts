/** What the simulated Hetzner project can order: the inventory every Peykarband test agrees on. */

export interface HetznerLocation {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly country: string;
  readonly city: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly network_zone: string;
}

export interface HetznerServerType {
  readonly id: number;
  readonly name: string;
  readonly cores: number;
  /** GB. */
  readonly memory: number;
  /** GB. */
  readonly disk: number;
  /** Euros a month, net. */
  readonly monthlyEuros: number;
}

export interface HetznerImage {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly os_flavor: "ubuntu" | "debian";
  readonly os_version: string;
}

export const HETZNER_LOCATIONS: readonly HetznerLocation[] = [
  location(1, "fsn1", "Falkenstein DC Park 1", "DE", "Falkenstein", 50.47612, 12.370071),
  location(2, "nbg1", "Nuremberg DC Park 1", "DE", "Nuremberg", 49.452102, 11.076665),
  location(3, "hel1", "Helsinki DC Park 1", "FI", "Helsinki", 60.169855, 24.938379),
];

/** The data centre each location places servers in (the deprecated `datacenter` object still required by the spec). */
const HETZNER_DATACENTERS: Readonly<Record<string, { id: number; name: string }>> = {
  fsn1: { id: 4, name: "fsn1-dc14" },
  nbg1: { id: 2, name: "nbg1-dc3" },
  hel1: { id: 3, name: "hel1-dc2" },
};

export const HETZNER_SERVER_TYPES: readonly HetznerServerType[] = [
  { id: 104, name: "cx22", cores: 2, memory: 4, disk: 40, monthlyEuros: 4.59 },
  { id: 105, name: "cx32", cores: 4, memory: 8, disk: 80, monthlyEuros: 7.59 },
  { id: 106, name: "cx42", cores: 8, memory: 16, disk: 160, monthlyEuros: 18.59 },
];

export const HETZNER_IMAGES: readonly HetznerImage[] = [
  {
    id: 161547269,
    name: "ubuntu-24.04",
    description: "Ubuntu 24.04",
    os_flavor: "ubuntu",
    os_version: "24.04",
  },
  { id: 114690389, name: "debian-12", description: "Debian 12", os_flavor: "debian", os_version: "12" },
];

/** The API takes an id or a name wherever it takes a location, server type or image. */
export function byIdOrName<T extends { readonly id: number; readonly name: string }>(
  items: readonly T[],
  value: unknown,
): T | undefined {
  if (typeof value === "number") return items.find((item) => item.id === value);
  if (typeof value !== "string") return undefined;
  return items.find((item) => item.name === value || String(item.id) === value);
}

const VAT = 1.19;
/** Hetzner caps a month at its monthly price; the hourly price here is the monthly one over 730 hours, rounded up. */
const HOURS_A_MONTH = 730;

export function serverTypeJson(type: HetznerServerType): object {
  const price = (euros: number) => ({ net: euros.toFixed(10), gross: (euros * VAT).toFixed(10) });
  return {
    id: type.id,
    name: type.name,
    description: type.name.toUpperCase(),
    cores: type.cores,
    memory: type.memory,
    disk: type.disk,
    deprecated: false,
    deprecation: null,
    prices: HETZNER_LOCATIONS.map((where) => ({
      location: where.name,
      price_hourly: price(Math.ceil((type.monthlyEuros / HOURS_A_MONTH) * 10_000) / 10_000),
      price_monthly: price(type.monthlyEuros),
      included_traffic: 21_990_232_555_520,
      price_per_tb_traffic: price(1),
    })),
    storage_type: "local",
    cpu_type: "shared",
    category: "cost_optimized",
    architecture: "x86",
    locations: HETZNER_LOCATIONS.map((where) => ({
      id: where.id,
      name: where.name,
      deprecation: null,
      recommended: true,
      available: true,
    })),
  };
}

export function imageJson(image: HetznerImage): object {
  return {
    id: image.id,
    type: "system",
    status: "available",
    name: image.name,
    description: image.description,
    image_size: null,
    disk_size: 5,
    created: "2024-04-25T00:00:00Z",
    created_from: null,
    bound_to: null,
    os_flavor: image.os_flavor,
    os_version: image.os_version,
    rapid_deploy: true,
    protection: { delete: false },
    deprecated: null,
    deleted: null,
    labels: {},
    architecture: "x86",
  };
}

export function datacenterJson(where: HetznerLocation): object {
  const datacenter = HETZNER_DATACENTERS[where.name]!;
  const typeIds = HETZNER_SERVER_TYPES.map((type) => type.id);
  return {
    id: datacenter.id,
    name: datacenter.name,
    description: `${where.city} DC ${datacenter.name.split("-dc")[1]}`,
    location: where,
    server_types: { supported: typeIds, available: typeIds, available_for_migration: typeIds },
  };
}

function location(
  id: number,
  name: string,
  description: string,
  country: string,
  city: string,
  latitude: number,
  longitude: number,
): HetznerLocation {
  return { id, name, description, country, city, latitude, longitude, network_zone: "eu-central" };
}

/** An SSH key of the project (`/ssh_keys`): servers may be created with it, by id or name. */
export interface HetznerSshKey {
  readonly id: number;
  readonly name: string;
  readonly fingerprint: string;
  readonly public_key: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly created: string;
}

export const HETZNER_SSH_KEYS: readonly HetznerSshKey[] = [
  {
    id: 2_323_441,
    name: "peykarband-sandbox",
    fingerprint: "b7:2f:30:a0:2f:6c:58:6c:21:04:58:61:ba:06:3b:2f",
    public_key:
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGR3CJdGlHNbgWMfVp6zS0jqyR8wbEeyDsQlJLC6zT3e sandbox@peykarband",
    labels: {},
    created: "2026-01-05T09:00:00Z",
  },
];

/** The location of a data centre given by id or name (the deprecated `datacenter` of a create). */
export function locationOfDatacenter(value: unknown): HetznerLocation | undefined {
  const name = Object.entries(HETZNER_DATACENTERS).find(
    ([, dc]) => dc.name === value || dc.id === value || String(dc.id) === value,
  )?.[0];
  return HETZNER_LOCATIONS.find((where) => where.name === name);
}
