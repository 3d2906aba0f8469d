import { jsonReply, type Reply } from "../shared/reply.ts";

/** Hetzner's error envelope: `{error: {code, message, details}}` with the status its code table gives. */
export function hetznerError(
  status: number,
  code: string,
  message: string,
  details: object | null = null,
): Reply {
  return jsonReply(status, { error: { code, message, details } });
}

/** `invalid_input` with the per-field details Hetzner sends. */
export function invalidInput(field: string, problem: string): Reply {
  return hetznerError(422, "invalid_input", `invalid input in field '${field}': ${problem}`, {
    fields: [{ name: field, messages: [problem] }],
  });
}

export const notFound = (): Reply => hetznerError(404, "not_found", "not found");

export const unauthorized = (): Reply => hetznerError(401, "unauthorized", "unable to authenticate");

export const serverError = (): Reply => hetznerError(500, "server_error", "internal server error");

export const jsonError = (): Reply => hetznerError(400, "json_error", "invalid JSON input in your request");
