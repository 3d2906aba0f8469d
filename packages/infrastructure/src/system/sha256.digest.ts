import type { Digest, Fingerprinter } from "@peykarband/application";
import { createHash } from "node:crypto";

export class Sha256Digest implements Digest, Fingerprinter {
  sha256(value: string): string {
    return createHash("sha256").update(value, "utf8").digest("hex");
  }

  sha256Base64(bytes: Uint8Array): string {
    return createHash("sha256").update(bytes).digest("base64").replace(/=+$/, "");
  }
}
