/** SHA-256 for SSH key fingerprints: the domain reads the key, infrastructure hashes it. */
export interface Fingerprinter {
  /** SHA-256 of the bytes, standard base64 without "=" padding, as `ssh-keygen -l` prints it. */
  sha256Base64(bytes: Uint8Array): string;
}
