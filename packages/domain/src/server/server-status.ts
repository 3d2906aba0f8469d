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

/** Statuses of a server that is over: it is no longer live, so it counts toward no quota. */
export const ENDED_SERVER_STATUSES = ["DELETED", "FAILED"] as const satisfies readonly ServerStatus[];

/** A live server is one of the customer's servers: any status but DELETED and FAILED. */
export const isLiveServerStatus = (status: ServerStatus): boolean =>
  !(ENDED_SERVER_STATUSES as readonly ServerStatus[]).includes(status);

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
