import type { Result } from "@peykarband/domain";

export interface SmsMessage {
  /** An Iranian mobile in E.164 (`+989121234567`), as the domain's `Phone` keeps it. */
  readonly receptor: string;
  readonly text: string;
}

export const SMS_FAILURE_KINDS = [
  /** Connection refused or reset, 5xx, DNS: nothing sensible came back; worth another try. */
  "UNAVAILABLE",
  /** No answer in time: the provider may or may not have queued the message. */
  "TIMEOUT",
  /** An answer we cannot read: never taken as sent. */
  "INVALID_RESPONSE",
  /** A documented refusal (bad number, no credit, bad key): `code` says which. */
  "REJECTED",
] as const;
export type SmsFailureKind = (typeof SMS_FAILURE_KINDS)[number];

export interface SmsFailure {
  readonly kind: SmsFailureKind;
  /** The provider's own status as text ("418"), when it gave one. */
  readonly code: string | null;
  /** For logs, never with a credential in it. */
  readonly message: string;
}

/**
 * One SMS provider (Kavenegar). An adapter makes one attempt per call with a deadline and never
 * retries: a lost answer may hide a queued message, so whether to send again is the caller's
 * decision (the notification job's retries).
 */
export interface SmsSender {
  send(message: SmsMessage): Promise<Result<{ readonly providerMessageId: string }, SmsFailure>>;
}
