export interface RecoveryCodeRepository {
  /** Replaces the user's recovery codes with these hashes. */
  replaceAll(userId: string, codeHashes: readonly string[]): Promise<void>;
  /** Marks the code used, atomically; false when it does not exist or was used already. */
  consume(userId: string, codeHash: string): Promise<boolean>;
  deleteAll(userId: string): Promise<void>;
}
