/** A customer's SSH public key, put on servers at create (through cloud-init). */
export interface SshKey {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  /** OpenSSH one-line form: "<type> <base64> [comment]", comment dropped. */
  readonly publicKey: string;
  /** "SHA256:<base64 without padding>", as ssh-keygen -l prints it. */
  readonly fingerprint: string;
  readonly createdAt: Date;
}
