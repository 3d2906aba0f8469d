import { randomBytes } from "node:crypto";
import type { Reply } from "../shared/reply.ts";

/** Every OVH answer carries a query id, which OVH support asks for. */
function queryId(): string {
  return `EU.ext-3.${randomBytes(12).toString("hex")}`;
}

export function ovhJson(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "x-ovh-queryid": queryId(), ...headers },
    body: JSON.stringify(value),
  };
}

/** OVH answers a `void` operation with 200 and the JSON `null`. */
export const ovhVoid = (): Reply => ovhJson(200, null);

const HTTP_CODES: Readonly<Record<number, string>> = {
  400: "400 Bad Request",
  401: "401 Unauthorized",
  403: "403 Forbidden",
  404: "404 Not Found",
  409: "409 Conflict",
  429: "429 Too Many Requests",
  500: "500 Internal Server Error",
};

/** The authentication layer's envelope: `errorCode`, `httpCode` and `message`. */
export function ovhAuthError(status: number, errorCode: string, message: string): Reply {
  return ovhJson(status, { errorCode, httpCode: HTTP_CODES[status] ?? String(status), message });
}

/** The API's own envelope: `class` (`Client::BadRequest`, `Client::NotFound`, …) and `message`. */
export function ovhError(status: number, errorClass: string, message: string): Reply {
  return ovhJson(status, { class: errorClass, message });
}

export const badRequest = (message: string): Reply => ovhError(400, "Client::BadRequest", message);

export const notFound = (message: string): Reply => ovhError(404, "Client::NotFound", message);

/** Unknown paths. */
export const invalidUrl = (): Reply => ovhJson(404, { message: "Got an invalid (or empty) URL" });

export const internalError = (): Reply =>
  ovhError(500, "Server::InternalServerError", "Internal server error");

/**
 * OVH documents no rate limit ("fair use"), so its 429 is unconfirmed: this is a plausible one,
 * a `{message}` body with `Retry-After` in seconds.
 */
export function rateLimited(retryAfterSeconds: number): Reply {
  return ovhJson(
    429,
    { message: "Too many requests, please retry later" },
    { "retry-after": String(retryAfterSeconds) },
  );
}
