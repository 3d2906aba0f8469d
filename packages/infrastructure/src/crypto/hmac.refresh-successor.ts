import type { RefreshSuccessor } from "@peykarband/application";
import { createHmac, hkdfSync } from "node:crypto";

/**
 * HMAC-SHA256 of the used token under a key derived from the secret-box key, so no extra secret
 * has to be configured; the HKDF label keeps this key apart from the box's own use of it.
 */
export class HmacRefreshSuccessor implements RefreshSuccessor {
  private readonly key: Buffer;

  constructor(secretBoxKey: Buffer) {
    this.key = Buffer.from(
      hkdfSync("sha256", secretBoxKey, Buffer.alloc(0), "peykarband refresh successor", 32),
    );
  }

  successorOf(refreshToken: string): string {
    return createHmac("sha256", this.key).update(refreshToken, "utf8").digest("base64url");
  }
}
