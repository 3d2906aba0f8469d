import type { Clock, IdGenerator } from "@peykarband/application";
import { randomBytes } from "node:crypto";

const MAX_SEQUENCE = 0xfff;

/**
 * RFC 9562 UUID version 7: 48-bit Unix milliseconds, then a 12-bit counter (method 1) so ids
 * made in the same millisecond by this process still sort in creation order, then 62 random bits.
 */
export class UuidV7Generator implements IdGenerator {
  private lastMillis = -1;
  private sequence = 0;

  constructor(private readonly clock: Clock) {}

  newId(): string {
    const now = this.clock.now().getTime();
    if (now > this.lastMillis) {
      this.lastMillis = now;
      // A random start leaves half the counter space for ids that follow in the same millisecond.
      this.sequence = randomBytes(2).readUInt16BE() & 0x7ff;
    } else if (++this.sequence > MAX_SEQUENCE) {
      this.lastMillis += 1;
      this.sequence = 0;
    }
    const bytes = randomBytes(16);
    bytes.writeUIntBE(this.lastMillis, 0, 6);
    bytes[6] = 0x70 | (this.sequence >> 8);
    bytes[7] = this.sequence & 0xff;
    bytes[8] = 0x80 | (bytes[8]! & 0x3f);
    const hex = bytes.toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
