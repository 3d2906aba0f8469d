import type { Result } from "@peykarband/domain";
import type { SmsFailure } from "./sms-sender.ts";

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  /** Plain text. */
  readonly text: string;
}

/** Failures read as an SMS provider's do: UNAVAILABLE and TIMEOUT are worth another try. */
export type EmailFailure = SmsFailure;

/** Outgoing mail (SMTP). One attempt per call; retries are the notification job's. */
export interface EmailSender {
  send(message: EmailMessage): Promise<Result<{ readonly messageId: string }, EmailFailure>>;
}
