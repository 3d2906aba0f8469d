import type { EmailFailure, EmailMessage, EmailSender } from "@peykarband/application";
import { err, ok, type Result } from "@peykarband/domain";
import nodemailer, { type Transporter } from "nodemailer";
import { safeFailureMessage } from "../http/outbound-answer.ts";

/** SMTP answers that mean "try later" (4xx), as opposed to a refusal for good (5xx). */
const TRANSIENT_SMTP = /^4\d\d$/;
const NETWORK_CODES = new Set(["ECONNECTION", "ESOCKET", "EDNS", "ECONNREFUSED", "ECONNRESET"]);

/**
 * Mail through nodemailer: SMTP in production, or any transport nodemailer takes (the sandbox's
 * capture is a stream transport). One attempt per call; the notification job retries.
 */
export class NodemailerEmailSender implements EmailSender {
  readonly #transport: Transporter;
  readonly #from: string;
  readonly #secrets: readonly string[];

  constructor(transport: Transporter, from: string, secrets: readonly string[] = []) {
    this.#transport = transport;
    this.#from = from;
    this.#secrets = secrets.filter((s) => s.length > 0);
  }

  /** SMTP from `smtp://user:password@host:port` (or `smtps://`), with deadlines. */
  static smtp(url: string, from: string): NodemailerEmailSender {
    const parsed = new URL(url);
    const transport = nodemailer.createTransport({
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : parsed.protocol === "smtps:" ? 465 : 587,
      secure: parsed.protocol === "smtps:",
      auth: parsed.username
        ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
        : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    return new NodemailerEmailSender(transport, from, [decodeURIComponent(parsed.password), url]);
  }

  async send(message: EmailMessage): Promise<Result<{ messageId: string }, EmailFailure>> {
    try {
      const info = (await this.#transport.sendMail({
        from: this.#from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      })) as { messageId: string };
      return ok({ messageId: info.messageId });
    } catch (error) {
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      const status = responseCode === undefined ? null : String(responseCode);
      const detail = `${code ?? "error"}${status ? ` ${status}` : ""}`;
      const kind =
        code === "ETIMEDOUT"
          ? "TIMEOUT"
          : (code && NETWORK_CODES.has(code)) || (status && TRANSIENT_SMTP.test(status))
            ? "UNAVAILABLE"
            : "REJECTED";
      return err({ kind, code: status, message: safeFailureMessage("SMTP", detail, this.#secrets) });
    }
  }
}
