import type { WebhookDelivery, WebhookEndpoint } from "@peykarband/domain";
import type { KeysetPageQuery } from "./keyset-page.ts";
import type { NoticeContact, OutgoingNotification } from "./notification.repository.ts";

/** The job that makes one attempt at one delivery. */
export const WEBHOOK_JOB_NAME = "webhooks.deliver";

export interface WebhookJobData {
  readonly deliveryId: string;
}

export interface WebhookCursor {
  readonly createdAt: Date;
  readonly id: string;
}

/** What one attempt got, written with its consequences in one transaction. */
export interface WebhookAttempt {
  readonly deliveryId: string;
  readonly endpointId: string;
  /** The attempts recorded before this one: the write is refused if another run got there first. */
  readonly attemptsBefore: number;
  readonly at: Date;
  readonly responseStatus: number | null;
  readonly responseTimeMs: number | null;
  readonly error: string | null;
  /** SUCCEEDED; RETRY after `retryInSeconds` (a new job); or FAILED for good. */
  readonly outcome:
    | { readonly status: "SUCCEEDED" | "FAILED" }
    | { readonly status: "RETRY"; readonly retryInSeconds: number };
  /**
   * Set to disable the endpoint with this reason (it failed for a day). The owner's notices are
   * written with it, only by the write that disables it.
   */
  readonly disableEndpoint: {
    readonly reason: string;
    readonly notices: readonly OutgoingNotification[];
  } | null;
}

export interface WebhookRepository {
  createEndpoint(endpoint: WebhookEndpoint & { readonly sealedSecret: string }): Promise<void>;
  countEndpoints(userId: string): Promise<number>;
  /** The user's endpoints, newest first. */
  listEndpoints(
    userId: string,
    page: KeysetPageQuery<WebhookCursor>,
  ): Promise<{ endpoints: WebhookEndpoint[]; hasMore: boolean }>;
  /** Deletes the user's own endpoint and its deliveries; null when the user has no such endpoint. */
  deleteEndpoint(userId: string, id: string): Promise<WebhookEndpoint | null>;
  /** The deliveries of the user's own endpoint, newest first; null when the endpoint is not theirs. */
  listDeliveries(
    userId: string,
    endpointId: string,
    page: KeysetPageQuery<WebhookCursor>,
  ): Promise<{ deliveries: WebhookDelivery[]; hasMore: boolean } | null>;
  /** How many deliveries the endpoint has (0 when it is not the user's). */
  countDeliveries(userId: string, endpointId: string): Promise<number>;
  /** A delivery with its endpoint and the endpoint's sealed secret: what an attempt needs. */
  findForAttempt(
    deliveryId: string,
  ): Promise<{ delivery: WebhookDelivery; endpoint: WebhookEndpoint; sealedSecret: string } | null>;
  /** Marks a PENDING delivery FAILED without an attempt (its endpoint was disabled). */
  abandon(deliveryId: string, reason: string): Promise<void>;
  /** Where and in which language an endpoint's owner is told. */
  ownerContact(userId: string): Promise<NoticeContact>;
  /** False when another run recorded this attempt already (nothing written). */
  recordAttempt(attempt: WebhookAttempt): Promise<boolean>;
  /**
   * A new PENDING delivery of the same body to the same endpoint, with its job, in one transaction;
   * null when the delivery is not the user's or its endpoint is disabled.
   */
  redeliver(userId: string, deliveryId: string, newId: string, at: Date): Promise<WebhookDelivery | null>;
}
