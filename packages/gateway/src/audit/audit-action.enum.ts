import { AUDIT_ACTIONS, type AuditAction } from "@peykarband/domain";
import { registerEnumType } from "type-graphql";

const DESCRIPTIONS: Readonly<Record<AuditAction, string>> = {
  USER_REGISTERED: "An account was created.",
  LOGIN_SUCCEEDED: "Someone signed in.",
  LOGIN_FAILED: "A sign-in was refused (wrong password or second factor, unknown email).",
  LOGIN_THROTTLED: "Sign-ins were locked for an account or an address for the rest of the window.",
  SESSION_REFRESHED: "A session got a new token pair.",
  REFRESH_TOKEN_REUSED: "A used refresh token was presented again; its whole session was ended.",
  LOGGED_OUT: "A session, or every session of an account, was ended.",
  TWO_FACTOR_SETUP_STARTED: "A new TOTP secret was created, not yet confirmed.",
  TWO_FACTOR_ENABLED: "Two-factor authentication was turned on.",
  TWO_FACTOR_DISABLED: "Two-factor authentication was turned off.",
  TWO_FACTOR_FAILED: "A wrong two-factor code was given.",
  RECOVERY_CODE_USED: "A one-time recovery code was used.",
  ROLE_CHANGED: "An administrator changed an account's role.",
  WALLET_CREDITED_BY_ADMIN: "An administrator credited a wallet by hand.",
  WALLET_DEBITED_BY_ADMIN: "An administrator took money from a wallet by hand.",
  PAYMENT_PAID: "A gateway payment was verified and credited to the wallet.",
  SERVER_ORDERED: "A server was ordered and its first charge taken from the wallet.",
  SERVER_OPERATION_REQUESTED: "A power, reboot, rebuild, resize or delete of a server was asked for.",
  SERVER_FAILED: "A server could not be created at its provider; its charge was refunded.",
  ORPHAN_SERVER_DELETED:
    "The sweep deleted a server at a provider that carried our mark but belonged to no live order.",
  SSH_KEY_ADDED: "An SSH public key was added to an account.",
  SSH_KEY_DELETED: "An SSH public key was removed from an account.",
  SERVER_QUOTA_CHANGED: "An administrator changed how many servers a customer may have.",
  USAGE_WAIVED: "Staff waived part of a server's usage: a credit to the wallet, with the reason.",
  DUNNING_STAGE_CHANGED:
    "Dunning moved a customer's episode (warned, grace, suspended, terminating, resuming, closed) for their wallet's balance.",
  API_KEY_CREATED: "An API key was created; details carry its id and scopes.",
  API_KEY_REVOKED: "An API key was revoked; details carry its id.",
  WEBHOOK_ENDPOINT_CREATED: "A webhook endpoint was created; details carry its id and events.",
  WEBHOOK_ENDPOINT_DELETED: "A webhook endpoint was deleted; details carry its id.",
  WEBHOOK_REDELIVERED: "A webhook delivery was sent again; details carry both deliveries' ids.",
  CUSTOMER_CREATED:
    "A reseller created a customer (the subject); details say whether it was given a password.",
  CUSTOMER_FUNDED:
    "A reseller moved money to its customer (the subject); details carry the amount and transaction.",
  RESELLER_MARKUP_SET: "A reseller set its markup over our prices; details carry it in basis points.",
};

export const AuditActionEnum = Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, a])) as Record<
  AuditAction,
  AuditAction
>;

registerEnumType(AuditActionEnum, {
  name: "AuditAction",
  description: "What a security event recorded.",
  valuesConfig: Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, { description: DESCRIPTIONS[a] }])),
});
