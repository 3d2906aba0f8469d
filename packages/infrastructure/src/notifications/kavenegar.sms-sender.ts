import type { SmsFailure, SmsFailureKind, SmsMessage, SmsSender } from "@peykarband/application";
import { err, ok, type Result } from "@peykarband/domain";
import got, { RequestError, TimeoutError, type Got } from "got";
import { z } from "zod";
import { parseJsonBody, safeFailureMessage } from "../http/outbound-answer.ts";
import { measuredCall } from "../http/outbound-call.ts";

export interface KavenegarOptions {
  /** `https://api.kavenegar.com` or the simulator. */
  readonly baseUrl: string;
  /** The panel's API key; Kavenegar takes it in the path, so it is blanked in every failure. */
  readonly apiKey: string;
  /** The sending line; null uses the account's default line. */
  readonly sender: string | null;
  readonly timeoutMs?: number;
}

const answer = z.object({
  return: z.object({ status: z.number().int(), message: z.string() }),
  entries: z.array(z.object({ messageid: z.union([z.number().int(), z.string()]) })).nullable(),
});

/**
 * Kavenegar's REST `sms/send.json` (docs/providers.md §6): a form POST of receptor, message and
 * sender to `/v1/{API-KEY}/sms/send.json`; `return.status` 200 with one entry per receptor means
 * queued. Any other `return.status` is a documented refusal, except 5xx answers, which are worth
 * another try.
 */
export class KavenegarSmsSender implements SmsSender {
  readonly #http: Got;
  readonly #url: string;
  readonly #apiKey: string;
  readonly #sender: string | null;

  constructor(options: KavenegarOptions) {
    this.#apiKey = options.apiKey;
    this.#sender = options.sender;
    this.#url = `${options.baseUrl.replace(/\/+$/, "")}/v1/${encodeURIComponent(options.apiKey)}/sms/send.json`;
    this.#http = got.extend({
      headers: { accept: "application/json" },
      timeout: { request: options.timeoutMs ?? 10_000 },
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      responseType: "text",
    });
  }

  async send(message: SmsMessage): Promise<Result<{ providerMessageId: string }, SmsFailure>> {
    const form: Record<string, string> = { receptor: localNumber(message.receptor), message: message.text };
    if (this.#sender) form.sender = this.#sender;
    let status: number;
    let body: unknown;
    try {
      const response = await measuredCall("kavenegar", "POST", (headers) =>
        this.#http.post(this.#url, { form, headers }),
      );
      status = response.statusCode;
      body = parseJsonBody(response.body);
    } catch (error) {
      // Only the code is read: got's errors carry the URL, which holds the key.
      if (error instanceof TimeoutError) return err(this.failure("TIMEOUT", null, "no answer in time"));
      if (error instanceof RequestError) return err(this.failure("UNAVAILABLE", null, String(error.code)));
      throw error;
    }
    if (status >= 500) return err(this.failure("UNAVAILABLE", String(status), `HTTP ${status}`));
    const parsed = answer.safeParse(body);
    if (!parsed.success)
      return err(this.failure("INVALID_RESPONSE", null, `HTTP ${status}, unreadable answer`));
    const { return: result, entries } = parsed.data;
    if (result.status !== 200) {
      return err(this.failure("REJECTED", String(result.status), `${result.status} ${result.message}`));
    }
    const [entry] = entries ?? [];
    if (!entry) return err(this.failure("INVALID_RESPONSE", null, "200 without an entry"));
    return ok({ providerMessageId: String(entry.messageid) });
  }

  private failure(kind: SmsFailureKind, code: string | null, detail: string): SmsFailure {
    return { kind, code, message: safeFailureMessage("Kavenegar", detail, [this.#apiKey]) };
  }
}

/** Kavenegar's examples spell receptors `09xxxxxxxxx`; E.164 `+989…` becomes that. */
function localNumber(e164: string): string {
  return e164.startsWith("+98") ? `0${e164.slice(3)}` : e164;
}
