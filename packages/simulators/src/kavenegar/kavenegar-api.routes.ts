import type { IncomingCall, Route } from "../shared/simulator.server.ts";
import { jsonReply, type Reply } from "../shared/reply.ts";
import type { FaultSwitchboard } from "../shared/fault.switchboard.ts";
import { kavenegarError } from "./kavenegar.errors.ts";
import type { KavenegarMessage } from "./kavenegar.message.ts";

export const KAVENEGAR_OPERATIONS = ["send"] as const;
export type KavenegarOperation = (typeof KAVENEGAR_OPERATIONS)[number];

/** The real API's per-message length limit (about 8 parts of a Unicode SMS). */
const MAX_MESSAGE_LENGTH = 536;
const COST_PER_PART = 1_200;
const UNICODE_PART = 70;

export interface KavenegarContext {
  readonly apiKey: string;
  readonly senders: readonly string[];
  /** Left in rials; a send that costs more is refused with 418. */
  credit: number;
  readonly messages: KavenegarMessage[];
  nextId: number;
  readonly faults: FaultSwitchboard<KavenegarOperation>;
  readonly now: () => Date;
}

/**
 * `/v1/{API-KEY}/sms/send.json`: the key is part of the path; receptor, message and sender come
 * as a query string (GET) or a form body (POST), both of which the real API takes. The wire is
 * docs/providers.md §6.
 */
export function kavenegarApiRoutes(context: KavenegarContext): Route<KavenegarOperation>[] {
  const send = (call: IncomingCall): Reply => {
    if (call.params[0] !== context.apiKey) return kavenegarError(403);
    const params = call.body ? new URLSearchParams(call.body) : call.url.searchParams;
    const receptors = (params.get("receptor") ?? "")
      .split(",")
      .map((r) => r.trim())
      .filter(Boolean);
    const message = params.get("message") ?? "";
    const sender = params.get("sender") ?? context.senders[0]!;
    if (receptors.length === 0 || !message) return kavenegarError(400);
    if (message.length > MAX_MESSAGE_LENGTH) return kavenegarError(413);
    if (!context.senders.includes(sender)) return kavenegarError(412);
    if (!receptors.every(isIranianMobile)) return kavenegarError(411);
    const cost = Math.ceil(message.length / UNICODE_PART) * COST_PER_PART;
    if (cost * receptors.length > context.credit) return kavenegarError(418);

    context.credit -= cost * receptors.length;
    const date = Math.floor(context.now().getTime() / 1000);
    const entries = receptors.map((receptor) => {
      const entry: KavenegarMessage = {
        messageid: context.nextId++,
        message,
        status: 1,
        statustext: "در صف ارسال",
        sender,
        receptor,
        date,
        cost,
      };
      context.messages.push(entry);
      return entry;
    });
    return jsonReply(200, { return: { status: 200, message: "تایید شد" }, entries });
  };
  const path = /^\/v1\/([^/]+)\/sms\/send\.json$/;
  return [
    { method: "GET", path, operation: "send", handle: send },
    { method: "POST", path, operation: "send", handle: send },
  ];
}

/** 09xxxxxxxxx, +989xxxxxxxxx or 00989xxxxxxxxx, as the panel accepts them. */
function isIranianMobile(receptor: string): boolean {
  return /^(?:0|\+98|0098|98)9\d{9}$/.test(receptor);
}
