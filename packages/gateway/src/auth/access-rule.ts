import type { Role } from "@peykarband/domain";

/** Who may call a root field: anyone, any signed-in user, or only these roles. */
export type AccessRule = "PUBLIC" | "SIGNED_IN" | readonly Role[];

/** The key under which each root field's rule is kept in its GraphQL `extensions`. */
export const ACCESS_EXTENSION = "access";

export function describeAccess(rule: AccessRule): string {
  if (rule === "PUBLIC") return "Requires: nothing; open to everyone.";
  if (rule === "SIGNED_IN") return "Requires: signed in.";
  return `Requires: signed in with role ${rule.join(" or ")}.`;
}

export function isAccessRule(value: unknown): value is AccessRule {
  return value === "PUBLIC" || value === "SIGNED_IN" || (Array.isArray(value) && value.length > 0);
}

/** Given to the auth checker for PUBLIC fields: no role needed, only the API-key scope rule applies. */
export const ANYONE = "ANYONE";

/** What `@Authorized` carries to the auth checker: roles, or ANYONE. */
export type CheckedRole = Role | typeof ANYONE;
