import type { Email, Phone, Role, TwoFactor, User } from "@peykarband/domain";
import type { KeysetPageQuery } from "./keyset-page.ts";

export interface NewUser {
  readonly id: string;
  readonly email: Email;
  readonly phone: Phone | null;
  readonly role: Role;
  readonly passwordHash: string;
  /** The RESELLER creating this customer; absent or null for everyone else. */
  readonly resellerId?: string | null;
  readonly createdAt: Date;
}

/** Which accounts `search` pages through and `count` counts. */
export interface UserSearchFilter {
  /** Only addresses starting with this canonical text (`Email.canonicalText`); a whole address matches itself. */
  readonly emailPrefix?: string;
  readonly role?: Role;
  /** Only the customers of this reseller. */
  readonly resellerId?: string;
}

/** A position in the newest-first list of accounts. */
export interface UserCursor {
  readonly createdAt: Date;
  readonly id: string;
}

export interface UserPage {
  /** Newest first. */
  readonly users: User[];
  /** More accounts lie beyond this page in the direction read. */
  readonly hasMore: boolean;
}

export interface UserRepository {
  /** Inserts the user; returns false (and writes nothing) when the canonical email is taken. */
  create(user: NewUser): Promise<boolean>;
  findById(id: string): Promise<User | null>;
  findByIds(ids: readonly string[]): Promise<User[]>;
  findByEmail(email: Email): Promise<User | null>;
  /** Accounts newest first (registration time, then id), keyset-paged either way. */
  search(query: UserSearchFilter & KeysetPageQuery<UserCursor>): Promise<UserPage>;
  /** How many accounts `search` pages through under the same filter. */
  count(filter: UserSearchFilter): Promise<number>;
  updatePasswordHash(userId: string, passwordHash: string): Promise<void>;
  updateTwoFactor(userId: string, twoFactor: TwoFactor): Promise<void>;
  updateRole(userId: string, role: Role): Promise<void>;
  /**
   * Records that the TOTP time step was used, atomically, only if it is later than the last
   * one accepted for this user. Returns false for a replayed (or older) step.
   */
  claimTotpStep(userId: string, step: number): Promise<boolean>;
}
