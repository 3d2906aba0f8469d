import type { SshKey } from "@peykarband/domain";

export type AddSshKeyOutcome =
  | { readonly status: "ADDED"; readonly key: SshKey }
  /** The user already has a key with this fingerprint: nothing was written. */
  | { readonly status: "DUPLICATE"; readonly key: SshKey };

/** A user's SSH public keys; unique (user_id, fingerprint). */
export interface SshKeyRepository {
  add(key: SshKey): Promise<AddSshKeyOutcome>;
  /** The user's keys, oldest first (a handful per user: no paging). */
  listByUser(userId: string): Promise<SshKey[]>;
  /** Only the user's own: ids of other users' keys come back as missing. */
  findByIds(userId: string, ids: readonly string[]): Promise<SshKey[]>;
  /** False when the user has no such key. */
  delete(userId: string, id: string): Promise<boolean>;
}
