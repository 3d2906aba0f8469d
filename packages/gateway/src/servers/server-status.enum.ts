import { SERVER_STATUSES, type ServerStatus } from "@peykarband/domain";
import { registerEnumType } from "type-graphql";

const DESCRIPTIONS: Readonly<Record<ServerStatus, string>> = {
  PENDING: "Ordered and paid for; waiting for a worker to create it at the provider.",
  PROVISIONING: "Being created at the provider.",
  ACTIVE: "Running, with its IP addresses.",
  OFF: "Powered off; still billed, since the provider keeps its disk and address.",
  REBOOTING: "Restarting.",
  REBUILDING: "Its disk is being rewritten with a fresh image; everything on it is lost.",
  RESIZING: "Moving to another plan.",
  SUSPENDED:
    "Powered off by us for an unpaid balance: powered on again by itself once a top-up pays the debt, deleted if it stays unpaid.",
  DELETING: "Being removed at the provider; billing has stopped.",
  DELETED: "Gone at the provider. Final; kept for the statement and the audit trail.",
  FAILED: "Could not be created; the charge was refunded. See `failureReason`. Can only be deleted.",
};

export const ServerStatusEnum = Object.fromEntries(SERVER_STATUSES.map((s) => [s, s])) as Record<
  ServerStatus,
  ServerStatus
>;

registerEnumType(ServerStatusEnum, {
  name: "ServerStatus",
  description: "Where a server is in its life; see docs/provisioning.md for every transition.",
  valuesConfig: Object.fromEntries(SERVER_STATUSES.map((s) => [s, { description: DESCRIPTIONS[s] }])),
});
