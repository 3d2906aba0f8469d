/** Every state a server can be in; see docs/provisioning.md for what each means. */
export const SERVER_STATUSES = [
  "PENDING",
  "PROVISIONING",
  "ACTIVE",
  "OFF",
  "REBOOTING",
  "REBUILDING",
  "RESIZING",
  "SUSPENDED",
  "DELETING",
  "DELETED",
  "FAILED",
] as const;
export type ServerStatus = (typeof SERVER_STATUSES)[number];

/**
 * The legal moves, and the only ones: a transition not listed here does not type-check
 * (`ServerTransition`) and is refused at run time (`canTransition`).
 */
export const SERVER_TRANSITIONS = {
  PENDING: ["PROVISIONING", "FAILED", "DELETING"],
  PROVISIONING: ["ACTIVE", "FAILED", "DELETING"],
  ACTIVE: ["OFF", "REBOOTING", "REBUILDING", "RESIZING", "SUSPENDED", "DELETING"],
  OFF: ["ACTIVE", "REBUILDING", "RESIZING", "SUSPENDED", "DELETING"],
  REBOOTING: ["ACTIVE", "OFF", "DELETING"],
  REBUILDING: ["ACTIVE", "OFF", "DELETING"],
  RESIZING: ["ACTIVE", "OFF", "DELETING"],
  SUSPENDED: ["ACTIVE", "OFF", "DELETING"],
  DELETING: ["DELETED"],
  DELETED: [],
  FAILED: ["DELETING", "DELETED"],
} as const satisfies Record<ServerStatus, readonly ServerStatus[]>;

/** The states a server may move to from `From`. */
export type NextServerStatus<From extends ServerStatus> = (typeof SERVER_TRANSITIONS)[From][number];

/** A legal move; `{ from: "DELETED", to: "ACTIVE" }` is a type error. */
export type ServerTransition = {
  [From in ServerStatus]: { readonly from: From; readonly to: NextServerStatus<From> };
}[ServerStatus];

export function canTransition(from: ServerStatus, to: ServerStatus): boolean {
  return (SERVER_TRANSITIONS[from] as readonly ServerStatus[]).includes(to);
}

export const isServerStatus = (value: string): value is ServerStatus =>
  (SERVER_STATUSES as readonly string[]).includes(value);
