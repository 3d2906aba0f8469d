import { ROLES, type Role } from "@peykarband/domain";
import { registerEnumType } from "type-graphql";

const DESCRIPTIONS: Readonly<Record<Role, string>> = {
  CUSTOMER: "Orders and runs servers for themselves and pays for them from their wallet.",
  RESELLER: "A partner who resells servers to their own customers through the API.",
  SUPPORT: "Staff who may read any account to help customers.",
  ADMIN: "Staff who may change roles and read the audit log.",
};

export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as Record<Role, Role>;

registerEnumType(RoleEnum, {
  name: "Role",
  description: "What an account may do.",
  valuesConfig: Object.fromEntries(ROLES.map((role) => [role, { description: DESCRIPTIONS[role] }])),
});
