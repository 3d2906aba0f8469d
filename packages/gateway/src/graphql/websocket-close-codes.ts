/**
 * Close codes of ours, beside graphql-ws's (4400, 4403 for a bad token, 4408 for no
 * connection_init in time, 4500 …) and ws's 1009 for a message over the body limit. The
 * graphql-ws client reconnects after these, with its back-off.
 */
export const CLOSE_CODES = {
  /** More operations in one second than one socket may start. */
  tooManyOperations: 4029,
  /** The account already has as many sockets open as it may. */
  tooManyConnections: 4030,
} as const;
