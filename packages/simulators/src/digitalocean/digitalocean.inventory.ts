/** What the simulated DigitalOcean account can create: the catalog file and the tests agree on it. */

export interface DoRegion {
  readonly name: string;
  readonly slug: string;
  readonly features: readonly string[];
  readonly available: boolean;
  readonly sizes: readonly string[];
}

export interface DoSize {
  readonly slug: string;
  readonly memory: number;
  readonly vcpus: number;
  readonly disk: number;
  readonly transfer: number;
  readonly price_monthly: number;
  readonly price_hourly: number;
  readonly regions: readonly string[];
  readonly available: boolean;
  readonly description: string;
}

export interface DoImage {
  readonly id: number;
  readonly name: string;
  readonly type: "base";
  readonly distribution: string;
  readonly slug: string;
  readonly public: boolean;
  readonly regions: readonly string[];
  readonly created_at: string;
  readonly min_disk_size: number;
  readonly size_gigabytes: number;
  readonly description: string;
  readonly tags: readonly string[];
  readonly status: "available";
  readonly error_message: string;
}

const REGION_FEATURES = ["backups", "ipv6", "metadata", "install_agent", "storage", "image_transfer"];
const REGION_SLUGS = ["fra1", "ams3", "nyc3"];
const SIZE_SLUGS = ["s-1vcpu-1gb", "s-1vcpu-2gb", "s-2vcpu-4gb"];

export const DO_REGIONS: readonly DoRegion[] = [
  { name: "Frankfurt 1", slug: "fra1", features: REGION_FEATURES, available: true, sizes: SIZE_SLUGS },
  { name: "Amsterdam 3", slug: "ams3", features: REGION_FEATURES, available: true, sizes: SIZE_SLUGS },
  { name: "New York 3", slug: "nyc3", features: REGION_FEATURES, available: true, sizes: SIZE_SLUGS },
];

const size = (slug: string, vcpus: number, memory: number, disk: number, monthly: number): DoSize => ({
  slug,
  memory,
  vcpus,
  disk,
  transfer: memory / 1024,
  price_monthly: monthly,
  price_hourly: Math.round((monthly / 672) * 1e6) / 1e6,
  regions: REGION_SLUGS,
  available: true,
  description: "Basic",
});

export const DO_SIZES: readonly DoSize[] = [
  size("s-1vcpu-1gb", 1, 1024, 25, 6),
  size("s-1vcpu-2gb", 1, 2048, 50, 12),
  size("s-2vcpu-4gb", 2, 4096, 80, 24),
];

const image = (id: number, slug: string, distribution: string, name: string): DoImage => ({
  id,
  name,
  type: "base",
  distribution,
  slug,
  public: true,
  regions: REGION_SLUGS,
  created_at: "2025-01-15T10:00:00Z",
  min_disk_size: 7,
  size_gigabytes: 2.36,
  description: `${distribution} ${name} x64`,
  tags: [],
  status: "available",
  error_message: "",
});

export const DO_IMAGES: readonly DoImage[] = [
  image(160_000_001, "ubuntu-24-04-x64", "Ubuntu", "24.04 (LTS) x64"),
  image(160_000_002, "debian-12-x64", "Debian", "12 x64"),
];

/** `#/components/schemas/sshKeys`: the keys on the account, which droplets may be created with. */
export interface DoSshKey {
  readonly id: number;
  readonly fingerprint: string;
  readonly public_key: string;
  readonly name: string;
}

export const DO_SSH_KEYS: readonly DoSshKey[] = [
  {
    id: 512_189,
    fingerprint: "3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa",
    public_key:
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGR3CJdGlHNbgWMfVp6zS0jqyR8wbEeyDsQlJLC6zT3e sandbox@peykarband",
    name: "peykarband-sandbox",
  },
];
