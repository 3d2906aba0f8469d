export interface Totp {
  generateSecret(): string;
  /** The otpauth:// URI an authenticator app scans. */
  keyUri(accountName: string, secret: string): string;
  /** The time step the code belongs to when it is valid now (within the allowed drift), else null. */
  matchStep(secret: string, code: string): Promise<number | null>;
}
