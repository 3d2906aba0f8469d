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

/** A position in a newest-first list of users: `createdAt`, then `id`. */
export interface UserCursor {
  readonly createdAt: Date;
  readonly id: string;
}

export interface UserPage {
  /** Newest first. */
  readonly users: User[];
  readonly hasMore: boolean;
}

export interface UserRepository {
  /** Inserts the user; returns false (and writes nothing) when the canonical email is taken. */
  create(user: NewUser): Promise<boolean>;
  findById(id: string): Promise<User | null>;
  findByIds(ids: readonly string[]): Promise<User[]>;
  findByEmail(email: Email): Promise<User | null>;
  /** The customers of one reseller, newest first, keyset-paged either way. */
  listCustomers(resellerId: string, page: KeysetPageQuery<UserCursor>): Promise<UserPage>;
  updatePasswordHash(userId: string, passwordHash: string): Promise<void>;
  updateTwoFactor(userId: string, twoFactor: TwoFactor): Promise<void>;
  updateRole(userId: string, role: Role): Promise<void>;
  /**
   * Records that the TOTP time step was used, atomically, only if it is later than the last
   * one accepted for this user. Returns false for a replayed (or older) step.
   */
  claimTotpStep(userId: string, step: number): Promise<boolean>;
}
