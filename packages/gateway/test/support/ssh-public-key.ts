import { generateKeyPairSync } from "node:crypto";

/** A fresh OpenSSH ed25519 public key line: "ssh-ed25519 <base64 of the wire blob>". */
export function ed25519PublicKey(): string {
  const jwk = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" });
  const part = (bytes: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  const blob = Buffer.concat([part(Buffer.from("ssh-ed25519")), part(Buffer.from(jwk.x!, "base64url"))]);
  return `ssh-ed25519 ${blob.toString("base64")} laptop`;
}
