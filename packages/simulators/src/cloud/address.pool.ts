/** A server's public addresses: one IPv4 and one IPv6 network (a /64), both documentation-only. */
export interface PublicAddresses {
  readonly ipv4: string;
  /** The address of the IPv4 network's gateway. */
  readonly ipv4Gateway: string;
  /** The /64 network's prefix, e.g. `2001:db8:3:a41f::`; hosts append their part. */
  readonly ipv6Prefix: string;
}

/** The three IPv4 blocks reserved for documentation (RFC 5737): they route nowhere. */
const IPV4_BLOCKS = ["192.0.2", "198.51.100", "203.0.113"] as const;
const HOSTS_PER_BLOCK = 253; // .1 to .253; .254 is the gateway.
const IPV4_ADDRESSES = IPV4_BLOCKS.length * HOSTS_PER_BLOCK;
/** 2001:db8::/32 (RFC 3849) holds 2^32 /64 networks. */
const IPV6_NETWORKS = 2 ** 32;

/**
 * Public addresses for simulated servers, each different from the last 758 IPv4 and 2^32 IPv6
 * handed out. One pool may serve several simulators (the sandbox's three clouds share one), so no
 * two of their servers show the same address. It starts at a point drawn from the clock, so a
 * restarted sandbox does not hand its first server the address the last run's first server had.
 */
export class AddressPool {
  #next: number;

  constructor(start: number = Math.floor(Date.now() / 1000)) {
    this.#next = start;
  }

  take(): PublicAddresses {
    const n = this.#next++;
    const slot = n % IPV4_ADDRESSES;
    const block = IPV4_BLOCKS[Math.floor(slot / HOSTS_PER_BLOCK)]!;
    const network = n % IPV6_NETWORKS;
    const hex = (value: number) => value.toString(16);
    return {
      ipv4: `${block}.${(slot % HOSTS_PER_BLOCK) + 1}`,
      ipv4Gateway: `${block}.254`,
      ipv6Prefix: `2001:db8:${hex(Math.floor(network / 65536))}:${hex(network % 65536)}::`,
    };
  }
}
