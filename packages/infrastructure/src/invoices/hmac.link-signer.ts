import type { LinkSigner } from "@peykarband/application";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/** HMAC-SHA256 links, with a key derived from SECRET_BOX_KEY for this one purpose. */
export class HmacLinkSigner implements LinkSigner {
  private readonly key: Buffer;

  constructor(secret: Buffer, purpose: string) {
    this.key = Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), `peykarband:${purpose}`, 32));
  }

  sign(text: string): string {
    return createHmac("sha256", this.key).update(text).digest("base64url");
  }

  verify(text: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(text));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
