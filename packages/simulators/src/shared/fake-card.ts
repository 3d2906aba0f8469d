import { createHash, randomInt } from "node:crypto";

export interface FakeCard {
  /** Masked the way gateways show it: `502229******1234`. */
  readonly masked: string;
  /** Upper-case hex SHA-256 of the full number, as both gateways send it. */
  readonly hash: string;
}

export function fakeCard(): FakeCard {
  const tail = String(randomInt(10_000)).padStart(4, "0");
  const full = `502229${String(randomInt(1_000_000)).padStart(6, "0")}${tail}`;
  return {
    masked: `502229******${tail}`,
    hash: createHash("sha256").update(full).digest("hex").toUpperCase(),
  };
}
