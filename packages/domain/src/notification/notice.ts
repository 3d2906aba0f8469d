/**
 * What a customer is told about their wallet and servers (docs/billing.md, Dunning), and about
 * their webhook endpoints (docs/api.md, Webhooks).
 */
export type Notice =
  /** The balance will run out within the notice window at the current rates. */
  | { readonly kind: "WALLET_RUNNING_LOW"; readonly runsOutAt: Date }
  /** The balance has run out: servers are suspended at `suspendsAt` unless the debt is paid. */
  | { readonly kind: "WALLET_IN_DEBT"; readonly suspendsAt: Date }
  /** Servers powered off for the debt: they are deleted at `terminatesAt` unless it is paid. */
  | { readonly kind: "SERVERS_SUSPENDED"; readonly terminatesAt: Date }
  /** The last warning before deletion. */
  | { readonly kind: "TERMINATION_SOON"; readonly terminatesAt: Date }
  | { readonly kind: "SERVERS_TERMINATED" }
  /** The debt is paid: suspended servers are powered on again. */
  | { readonly kind: "SERVERS_RESUMED" }
  /** Every delivery to the endpoint at `url` failed since `failingSince`: nothing more is sent to it. */
  | { readonly kind: "WEBHOOK_ENDPOINT_DISABLED"; readonly url: string; readonly failingSince: Date };

export type NoticeKind = Notice["kind"];

export const NOTICE_KINDS = [
  "WALLET_RUNNING_LOW",
  "WALLET_IN_DEBT",
  "SERVERS_SUSPENDED",
  "TERMINATION_SOON",
  "SERVERS_TERMINATED",
  "SERVERS_RESUMED",
  "WEBHOOK_ENDPOINT_DISABLED",
] as const satisfies readonly NoticeKind[];

export const NOTIFICATION_CHANNELS = ["EMAIL", "SMS"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
