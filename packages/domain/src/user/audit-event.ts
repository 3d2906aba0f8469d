/** Security events kept in the append-only audit log. Money and server actions join this list later. */
export const AUDIT_ACTIONS = [
  "USER_REGISTERED",
  "LOGIN_SUCCEEDED",
  "LOGIN_FAILED",
  "LOGIN_THROTTLED",
  "SESSION_REFRESHED",
  "REFRESH_TOKEN_REUSED",
  "LOGGED_OUT",
  "TWO_FACTOR_SETUP_STARTED",
  "TWO_FACTOR_ENABLED",
  "TWO_FACTOR_DISABLED",
  "TWO_FACTOR_FAILED",
  "RECOVERY_CODE_USED",
  "ROLE_CHANGED",
  "WALLET_CREDITED_BY_ADMIN",
  "WALLET_DEBITED_BY_ADMIN",
  "PAYMENT_PAID",
  "SERVER_ORDERED",
  "SERVER_OPERATION_REQUESTED",
  "SERVER_FAILED",
  "ORPHAN_SERVER_DELETED",
  "SSH_KEY_ADDED",
  "SSH_KEY_DELETED",
  "SERVER_QUOTA_CHANGED",
  "USAGE_WAIVED",
  "DUNNING_STAGE_CHANGED",
  "API_KEY_CREATED",
  "API_KEY_REVOKED",
  "WEBHOOK_ENDPOINT_CREATED",
  "WEBHOOK_ENDPOINT_DELETED",
  "WEBHOOK_REDELIVERED",
  "CUSTOMER_CREATED",
  "CUSTOMER_FUNDED",
  "RESELLER_MARKUP_SET",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  readonly id: string;
  readonly action: AuditAction;
  /** The user who acted, when known (a failed login for an unknown email has none). */
  readonly actorId: string | null;
  /** The user the event is about, when it differs from the actor or the actor is unknown. */
  readonly subjectId: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly requestId: string | null;
  /** Small, non-secret facts: a reason code, the old and new role. Never a password, token or code. */
  readonly details: Readonly<Record<string, string>>;
  readonly occurredAt: Date;
}
