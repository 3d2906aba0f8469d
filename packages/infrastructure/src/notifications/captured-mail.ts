import nodemailer from "nodemailer";
import { NodemailerEmailSender } from "./smtp.email-sender.ts";

export interface CapturedMail {
  readonly messageId: string;
  /** The whole RFC 822 message as nodemailer would have sent it. */
  readonly raw: string;
}

/**
 * The sandbox's mail: nodemailer builds every message as for SMTP and hands it to this process
 * instead of the network. What it holds is lost with the process; the outbox table keeps the rest.
 */
export function captureMail(from: string): { sender: NodemailerEmailSender; captured: () => CapturedMail[] } {
  const kept: CapturedMail[] = [];
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const sender = new NodemailerEmailSender(
    {
      sendMail: async (mail: nodemailer.SendMailOptions) => {
        const info = (await transport.sendMail(mail)) as { messageId: string; message: Buffer };
        kept.push({ messageId: info.messageId, raw: info.message.toString("utf8") });
        return info;
      },
    } as unknown as nodemailer.Transporter,
    from,
  );
  return { sender, captured: () => [...kept] };
}
