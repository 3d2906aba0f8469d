import { createHash } from "node:crypto";

/** A flavor as the simulated project offers it in every region (cloud.flavor.Flavor). */
interface OvhFlavorSpec {
  readonly name: string;
  readonly vcpus: number;
  /** MB. */
  readonly ram: number;
  /** GB. */
  readonly disk: number;
}

interface OvhImageSpec {
  readonly name: string;
  /** The login user the image comes with. */
  readonly user: string;
}

export const OVH_REGIONS = ["GRA11", "SBG5", "WAW1"] as const;

const OVH_FLAVORS: readonly OvhFlavorSpec[] = [
  { name: "d2-2", vcpus: 1, ram: 2048, disk: 25 },
  { name: "d2-4", vcpus: 2, ram: 4096, disk: 50 },
  { name: "d2-8", vcpus: 4, ram: 8192, disk: 50 },
];

const OVH_IMAGES: readonly OvhImageSpec[] = [
  { name: "Ubuntu 24.04", user: "ubuntu" },
  { name: "Debian 12", user: "debian" },
];

/**
 * OVH flavor and image ids are UUIDs that differ per region. Derived from the name and region, so
 * every simulator run (and every test) sees the same ids, as a real project does.
 */
export function regionalId(kind: "flavor" | "image", name: string, region: string): string {
  const hex = createHash("sha1").update(`${kind}:${region}:${name}`).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface RegionalFlavor extends OvhFlavorSpec {
  readonly id: string;
  readonly region: string;
}

export interface RegionalImage extends OvhImageSpec {
  readonly id: string;
  readonly region: string;
}

export function regionalFlavors(region?: string): RegionalFlavor[] {
  return OVH_REGIONS.filter((r) => region === undefined || r === region).flatMap((r) =>
    OVH_FLAVORS.map((flavor) => ({ ...flavor, id: regionalId("flavor", flavor.name, r), region: r })),
  );
}

export function regionalImages(region?: string): RegionalImage[] {
  return OVH_REGIONS.filter((r) => region === undefined || r === region).flatMap((r) =>
    OVH_IMAGES.map((image) => ({ ...image, id: regionalId("image", image.name, r), region: r })),
  );
}

export const isOvhRegion = (name: string): boolean => (OVH_REGIONS as readonly string[]).includes(name);

/** cloud.flavor.Flavor on the wire. */
export function flavorJson(flavor: RegionalFlavor): Record<string, unknown> {
  return {
    id: flavor.id,
    name: flavor.name,
    region: flavor.region,
    vcpus: flavor.vcpus,
    ram: flavor.ram,
    disk: flavor.disk,
    osType: "linux",
    type: "ovh.ssd.eg",
    available: true,
    quota: 20,
    inboundBandwidth: 100,
    outboundBandwidth: 100,
    planCodes: {
      hourly: `${flavor.name}.consumption`,
      monthly: `${flavor.name}.monthly.postpaid`,
      license: null,
    },
    capabilities: [
      { name: "resize", enabled: true },
      { name: "snapshot", enabled: true },
      { name: "volume", enabled: true },
      { name: "failoverip", enabled: true },
    ],
  };
}

/** cloud.image.Image on the wire. */
export function imageJson(image: RegionalImage): Record<string, unknown> {
  return {
    id: image.id,
    name: image.name,
    region: image.region,
    type: "linux",
    visibility: "public",
    status: "active",
    user: image.user,
    minDisk: 0,
    minRam: 0,
    size: 2.36,
    creationDate: "2026-06-01T08:00:00Z",
    flavorType: null,
    planCode: null,
    tags: null,
  };
}

/** The project's SSH keys (cloud.sshkey.SshKey), in every region. */
export const OVH_SSH_KEYS = [
  {
    id: "cGVleWthcmJhbmQtc2FuZGJveA==",
    name: "peykarband-sandbox",
    publicKey:
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGR3CJdGlHNbgWMfVp6zS0jqyR8wbEeyDsQlJLC6zT3e sandbox@peykarband",
  },
] as const;
