import type { Digest } from "@peykarband/application";
import { createHash } from "node:crypto";

export class Sha256Digest implements Digest {
  sha256(value: string): string {
    return createHash("sha256").update(value, "utf8").digest("hex");
  }
}
