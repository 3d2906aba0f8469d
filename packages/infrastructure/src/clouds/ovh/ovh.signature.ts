import { createHash } from "node:crypto";

export interface OvhSignedParts {
  readonly applicationSecret: string;
  readonly consumerKey: string;
  readonly method: string;
  /** The complete URL as sent: base, path and query string. */
  readonly url: string;
  /** The exact body string; "" when there is none. */
  readonly body: string;
  /** The same string as X-Ovh-Timestamp. */
  readonly timestamp: string;
}

/** OVH's X-Ovh-Signature: "$1$" + hex SHA-1 of the six parts joined with a literal "+". */
export function ovhSignature(parts: OvhSignedParts): string {
  const { applicationSecret, consumerKey, method, url, body, timestamp } = parts;
  const text = [applicationSecret, consumerKey, method.toUpperCase(), url, body, timestamp].join("+");
  return `$1$${createHash("sha1").update(text).digest("hex")}`;
}
