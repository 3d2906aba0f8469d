import { domainError, type DomainError } from "../shared/domain-error.ts";
import { err, ok, type Result } from "../shared/result.ts";

export const SSH_KEY_TYPES = [
  "ssh-ed25519",
  "ssh-rsa",
  "ecdsa-sha2-nistp256",
  "ecdsa-sha2-nistp384",
  "ecdsa-sha2-nistp521",
] as const;
export type SshKeyType = (typeof SSH_KEY_TYPES)[number];

/** RSA moduli under this are refused: 1024-bit keys are breakable, ssh-keygen has made 3072 since 2020. */
export const MIN_RSA_BITS = 2048;
const MAX_KEY_TEXT = 16_384;

export interface SshPublicKey {
  readonly type: SshKeyType;
  /** "<type> <base64>": the comment is dropped (it often holds a workstation's user and host name). */
  readonly line: string;
  /** The decoded blob: what `SHA256:` fingerprints are computed over. */
  readonly blob: Uint8Array;
}

type SshKeyError = DomainError<"INVALID_PUBLIC_KEY">;

const invalid = (why: string, field: readonly string[]): Result<never, SshKeyError> =>
  err(domainError("INVALID_PUBLIC_KEY", `Not an OpenSSH public key: ${why}.`, field));

/**
 * An OpenSSH one-line public key ("ssh-ed25519 AAAA… comment"). The blob is read, not just
 * decoded: its embedded type must be the one the line names, and its fields must have the sizes
 * that type has, so a pasted private key, a truncated line or a mislabelled blob is refused here
 * instead of by cloud-init on a server nobody can then log into.
 */
export function parseSshPublicKey(
  input: string,
  field: readonly string[] = ["publicKey"],
): Result<SshPublicKey, SshKeyError> {
  const text = input.trim();
  if (text.length === 0 || text.length > MAX_KEY_TEXT) return invalid("empty or too long", field);
  const [type, base64] = text.split(/\s+/);
  if (!type || !(SSH_KEY_TYPES as readonly string[]).includes(type)) {
    return invalid(`the type must be one of ${SSH_KEY_TYPES.join(", ")}`, field);
  }
  const blob = base64 ? decodeBase64(base64) : null;
  if (!blob) return invalid("the key is not valid base64", field);
  const fields = readSshStrings(blob);
  if (!fields || fields.length === 0) return invalid("the key data is malformed", field);
  if (new TextDecoder().decode(fields[0]) !== type) {
    return invalid("the key data is of another type than the line says", field);
  }
  const problem = checkFields(type as SshKeyType, fields);
  if (problem) return invalid(problem, field);
  return ok({ type: type as SshKeyType, line: `${type} ${base64}`, blob });
}

function checkFields(type: SshKeyType, fields: Uint8Array[]): string | null {
  if (type === "ssh-ed25519") {
    return fields.length === 2 && fields[1]!.length === 32 ? null : "an ed25519 key is 32 bytes";
  }
  if (type === "ssh-rsa") {
    if (fields.length !== 3) return "an RSA key has an exponent and a modulus";
    return modulusBits(fields[2]!) >= MIN_RSA_BITS ? null : `an RSA key has at least ${MIN_RSA_BITS} bits`;
  }
  const curve = type.slice("ecdsa-sha2-".length);
  if (fields.length !== 3 || new TextDecoder().decode(fields[1]) !== curve) {
    return `an ECDSA key names its curve, ${curve}`;
  }
  return fields[2]!.length > 0 && fields[2]![0] === 0x04 ? null : "an ECDSA point is uncompressed";
}

function modulusBits(mpint: Uint8Array): number {
  let i = 0;
  while (i < mpint.length && mpint[i] === 0) i++;
  if (i === mpint.length) return 0;
  return (mpint.length - i - 1) * 8 + (32 - Math.clz32(mpint[i]!));
}

/** The RFC 4251 strings (uint32 length, then bytes) a blob is made of; null when they do not fit exactly. */
function readSshStrings(blob: Uint8Array): Uint8Array[] | null {
  const out: Uint8Array[] = [];
  let at = 0;
  while (at < blob.length) {
    if (at + 4 > blob.length) return null;
    const length = ((blob[at]! << 24) | (blob[at + 1]! << 16) | (blob[at + 2]! << 8) | blob[at + 3]!) >>> 0;
    at += 4;
    if (at + length > blob.length) return null;
    out.push(blob.subarray(at, at + length));
    at += length;
  }
  return out;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Strict standard base64 with padding (the domain has no Buffer or atob); null when malformed. */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (ALPHABET.indexOf(text[i]!) << 18) |
      (ALPHABET.indexOf(text[i + 1]!) << 12) |
      (Math.max(ALPHABET.indexOf(text[i + 2]!), 0) << 6) |
      Math.max(ALPHABET.indexOf(text[i + 3]!), 0);
    for (const shift of [16, 8, 0]) if (out < bytes.length) bytes[out++] = (n >> shift) & 0xff;
  }
  return bytes;
}

export const MAX_SSH_KEY_NAME_LENGTH = 100;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A key's label, 1 to 100 printable characters, trimmed. */
export function parseSshKeyName(
  input: string,
  field: readonly string[] = ["name"],
): Result<string, DomainError<"INVALID_NAME">> {
  const name = input.trim();
  return name.length > 0 && name.length <= MAX_SSH_KEY_NAME_LENGTH && !CONTROL.test(name)
    ? ok(name)
    : err(
        domainError(
          "INVALID_NAME",
          `A key name is 1 to ${MAX_SSH_KEY_NAME_LENGTH} printable characters.`,
          field,
        ),
      );
}
