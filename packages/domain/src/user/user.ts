import type { Email } from "./email.ts";
import type { Phone } from "./phone.ts";
import type { Role } from "./role.ts";

/** Two-factor state: off, set up but not yet confirmed with a code, or on. */
export type TwoFactor =
  | { readonly status: "DISABLED" }
  | { readonly status: "PENDING"; readonly encryptedSecret: string }
  | { readonly status: "ENABLED"; readonly encryptedSecret: string };

export interface User {
  readonly id: string;
  readonly email: Email;
  readonly phone: Phone | null;
  readonly role: Role;
  readonly passwordHash: string;
  readonly twoFactor: TwoFactor;
  /** The RESELLER whose customer this is; null for our own customers and for staff. */
  readonly resellerId: string | null;
  readonly createdAt: Date;
}

export const hasTwoFactor = (user: User): boolean => user.twoFactor.status === "ENABLED";
