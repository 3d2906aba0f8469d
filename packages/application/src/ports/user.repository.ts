import type { Email, Phone, Role, TwoFactor, User } from "@peykarband/domain";

export interface NewUser {
  readonly id: string;
  readonly email: Email;
  readonly phone: Phone | null;
  readonly role: Role;
  readonly passwordHash: string;
  readonly createdAt: Date;
}

export interface UserRepository {
  /** Inserts the user; returns false (and writes nothing) when the canonical email is taken. */
  create(user: NewUser): Promise<boolean>;
  findById(id: string): Promise<User | null>;
  findByIds(ids: readonly string[]): Promise<User[]>;
  findByEmail(email: Email): Promise<User | null>;
  updatePasswordHash(userId: string, passwordHash: string): Promise<void>;
  updateTwoFactor(userId: string, twoFactor: TwoFactor): Promise<void>;
  updateRole(userId: string, role: Role): Promise<void>;
  /**
   * Records that the TOTP time step was used, atomically, only if it is later than the last
   * one accepted for this user. Returns false for a replayed (or older) step.
   */
  claimTotpStep(userId: string, step: number): Promise<boolean>;
}
