export interface PasswordVerification {
  readonly valid: boolean;
  /** The hash was made with older parameters: store a new one now that the password is known. */
  readonly needsRehash: boolean;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<PasswordVerification>;
  /** Spends the same time as a verify, for unknown accounts, so timing does not reveal which emails exist. */
  verifyAgainstDummy(password: string): Promise<void>;
}
