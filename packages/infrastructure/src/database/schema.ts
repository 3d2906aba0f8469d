export { users } from "./schema/users.table.ts";
export { sessionFamilies } from "./schema/session-families.table.ts";
export { refreshTokens } from "./schema/refresh-tokens.table.ts";
export { recoveryCodes } from "./schema/recovery-codes.table.ts";
export { attemptThrottle } from "./schema/attempt-throttle.table.ts";
export { auditEvents } from "./schema/audit-events.table.ts";
