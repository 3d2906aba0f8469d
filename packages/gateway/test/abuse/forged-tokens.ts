import { createHmac, randomBytes } from "node:crypto";

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");

export const decodeClaims = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;

export const decodeHeader = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;

/**
 * A JWT built by hand, so a test can make exactly the mistake an attacker would try
 * (another algorithm, another key, no signature) without a library refusing to help.
 */
export function signToken(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  secret: Uint8Array | null,
): string {
  const unsigned = `${encode(header)}.${encode(claims)}`;
  if (secret === null) return `${unsigned}.`;
  const algorithm = header["alg"] === "HS512" ? "sha512" : header["alg"] === "HS384" ? "sha384" : "sha256";
  return `${unsigned}.${createHmac(algorithm, secret).update(unsigned).digest("base64url")}`;
}

export const randomKey = (): Uint8Array => new Uint8Array(randomBytes(32));
