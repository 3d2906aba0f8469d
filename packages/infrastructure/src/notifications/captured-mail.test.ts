import { describe, expect, it } from "vitest";
import type nodemailer from "nodemailer";
import { captureMail } from "./captured-mail.ts";
import { NodemailerEmailSender } from "./smtp.email-sender.ts";

describe("mail", () => {
  it("the sandbox capture keeps the whole message, Persian subject encoded as SMTP would send it", async () => {
    const { sender, captured } = captureMail("Peykarband <no-reply@peykarband.ir>");
    const sent = await sender.send({ to: "reza@example.ir", subject: "سرورهای شما معلق شدند", text: "متن" });
    expect(sent.ok).toBe(true);
    const [mail] = captured();
    expect(sent.ok && sent.value.messageId).toBe(mail!.messageId);
    expect(mail!.raw).toContain("To: reza@example.ir");
    expect(mail!.raw).toContain("From: Peykarband <no-reply@peykarband.ir>");
    expect(mail!.raw).toMatch(/Subject: =\?UTF-8\?/);
  });

  it("an unreachable SMTP server is UNAVAILABLE, worth a retry, and its password never shows", async () => {
    const sender = NodemailerEmailSender.smtp("smtp://mailer:s3cret-pass@127.0.0.1:9", "a@b.ir");
    const failed = await sender.send({ to: "x@example.ir", subject: "s", text: "t" });
    expect(failed).toMatchObject({ ok: false, error: { kind: "UNAVAILABLE" } });
    expect(JSON.stringify(failed)).not.toContain("s3cret-pass");
  });

  it("a 5xx refusal is REJECTED with the SMTP code, a 4xx UNAVAILABLE", async () => {
    const refusing = (responseCode: number) =>
      new NodemailerEmailSender(
        {
          sendMail: () =>
            Promise.reject(Object.assign(new Error("refused"), { code: "EENVELOPE", responseCode })),
        } as unknown as nodemailer.Transporter,
        "a@b.ir",
      );
    const message = { to: "x@example.ir", subject: "s", text: "t" };
    expect(await refusing(550).send(message)).toMatchObject({
      ok: false,
      error: { kind: "REJECTED", code: "550" },
    });
    expect(await refusing(451).send(message)).toMatchObject({
      ok: false,
      error: { kind: "UNAVAILABLE", code: "451" },
    });
  });
});
