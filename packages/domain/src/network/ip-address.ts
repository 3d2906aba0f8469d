import { domainError, type DomainError } from "../shared/domain-error.ts";
import { err, ok, type Result } from "../shared/result.ts";

export type IpAddressError = DomainError<"INVALID_IP_ADDRESS">;

const V4_OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const V4 = new RegExp(`^${V4_OCTET}(?:\\.${V4_OCTET}){3}$`);

function isV6(text: string): boolean {
  if (text.length > 45 || !/^[0-9a-f:.]+$/.test(text)) return false;
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const all = [...head, ...tail];
  const last = all.at(-1);
  const embedsV4 = last !== undefined && last.includes(".");
  if (embedsV4 && !V4.test(last)) return false;
  const hexGroups = embedsV4 ? all.slice(0, -1) : all;
  if (!hexGroups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return false;
  const width = hexGroups.length + (embedsV4 ? 2 : 0);
  return halves.length === 2 ? width < 8 : width === 8;
}

/** An IPv4 or IPv6 address of a server or of a client, in canonical lower-case text. */
export class IpAddress {
  private constructor(
    readonly value: string,
    readonly version: 4 | 6,
  ) {}

  static parse(input: string, field: readonly string[] = ["ipAddress"]): Result<IpAddress, IpAddressError> {
    const text = input.trim().toLowerCase();
    if (V4.test(text)) return ok(new IpAddress(text, 4));
    if (isV6(text)) return ok(new IpAddress(text, 6));
    return err(domainError("INVALID_IP_ADDRESS", "Not an IPv4 or IPv6 address.", field));
  }

  toString(): string {
    return this.value;
  }
}
