import type { Clock, IdGenerator } from "@peykarband/application";
import { randomFillSync } from "node:crypto";

const MAX_SEQUENCE = 0xfff;
/** Random bytes are drawn 256 ids' worth at a time: one call per id cost more than the rest of it. */
const POOL_BYTES = 16 * 256;

/**
 * RFC 9562 UUID version 7: 48-bit Unix milliseconds, then a 12-bit counter (method 1) so ids
 * made in the same millisecond by this process still sort in creation order, then 62 random bits.
 */
export class UuidV7Generator implements IdGenerator {
  private lastMillis = -1;
  private sequence = 0;
  private pool = Buffer.alloc(0);
  private used = 0;

  constructor(private readonly clock: Clock) {}

  newId(): string {
    const now = this.clock.now().getTime();
    if (now > this.lastMillis) {
      this.lastMillis = now;
      // A random start leaves half the counter space for ids that follow in the same millisecond.
      this.sequence = this.randomBytes(2).readUInt16BE() & 0x7ff;
    } else if (++this.sequence > MAX_SEQUENCE) {
      this.lastMillis += 1;
      this.sequence = 0;
    }
    const bytes = this.randomBytes(16);
    bytes.writeUIntBE(this.lastMillis, 0, 6);
    bytes[6] = 0x70 | (this.sequence >> 8);
    bytes[7] = this.sequence & 0xff;
    bytes[8] = 0x80 | (bytes[8]! & 0x3f);
    const hex = bytes.toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** Fresh bytes, each handed out once; callers may write over them. */
  private randomBytes(size: number): Buffer {
    if (this.used + size > this.pool.length) {
      this.pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
      this.used = 0;
    }
    this.used += size;
    return this.pool.subarray(this.used - size, this.used);
  }
}
