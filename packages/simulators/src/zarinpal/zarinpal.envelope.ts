import { jsonReply, type Reply } from "../shared/reply.ts";

/** The negative codes this simulator sends, with the English messages of ZarinPal's error table. */
const ZARINPAL_ERRORS = {
  [-9]: "The input params invalid, validation error.",
  [-10]: "Terminal is not valid, please check merchant_id or ip address.",
  [-41]: "Maximum amount is 100,000,000 tomans.",
  [-50]: "Session is not valid, amounts values is not the same.",
  [-51]: "Session is not valid, session is not active paid try.",
  [-54]: "Invalid authority.",
} as const;

export type ZarinpalErrorCode = keyof typeof ZARINPAL_ERRORS;

/** One `{field: message}` object per failed rule, as the `-9` envelope lists them. */
export type Validations = Record<string, string>[];

export function zarinpalSuccess(data: Record<string, unknown>): Reply {
  return jsonReply(200, { data, errors: [] });
}

/** On failure `data` is an empty array and `errors` an object: the reverse of success. */
export function zarinpalError(
  httpStatus: number,
  code: ZarinpalErrorCode,
  validations: Validations = [],
): Reply {
  return jsonReply(httpStatus, { data: [], errors: { code, message: ZARINPAL_ERRORS[code], validations } });
}
