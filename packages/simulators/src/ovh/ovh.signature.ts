import { createHash } from "node:crypto";

export interface SignedParts {
  readonly applicationSecret: string;
  readonly consumerKey: string;
  /** Upper case. */
  readonly method: string;
  /** Base, path and query string, exactly as sent. */
  readonly url: string;
  /** The exact body string; "" when there is none. */
  readonly body: string;
  readonly timestamp: string;
}

/** OVH's `X-Ovh-Signature`: "$1$" + SHA-1 of the six parts joined with "+". */
export function ovhSignature(parts: SignedParts): string {
  const { applicationSecret, consumerKey, method, url, body, timestamp } = parts;
  const text = [applicationSecret, consumerKey, method, url, body, timestamp].join("+");
  return `$1$${createHash("sha1").update(text).digest("hex")}`;
}
