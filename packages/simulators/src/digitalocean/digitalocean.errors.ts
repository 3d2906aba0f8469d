import { randomUUID } from "node:crypto";
import type { Reply } from "../shared/reply.ts";

/** DigitalOcean's error envelope (`#/components/schemas/error`): `id` and `message`, plus a request id. */
export interface DoError {
  readonly status: number;
  readonly id: string;
  readonly message: string;
}

export const doError = (status: number, id: string, message: string): DoError => ({ status, id, message });

/** The 422 the API answers for a request it understood but refuses. */
export const unprocessable = (message: string): DoError => doError(422, "unprocessable_entity", message);

export const NOT_FOUND = doError(404, "not_found", "The resource you requested could not be found.");
export const UNAUTHORIZED = doError(401, "unauthorized", "Unable to authenticate you");
export const TOO_MANY_REQUESTS = doError(429, "too_many_requests", "API rate limit exceeded.");
export const SERVER_ERROR = doError(500, "server_error", "Server was unable to give you a response.");

const DO_CONTENT_TYPE = "application/json; charset=utf-8";

export function doJson(
  status: number,
  value: unknown,
  headers: Readonly<Record<string, string>> = {},
): Reply {
  return { status, headers: { "content-type": DO_CONTENT_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function errorReply(error: DoError, headers: Readonly<Record<string, string>> = {}): Reply {
  return doJson(error.status, { id: error.id, message: error.message, request_id: randomUUID() }, headers);
}

export const isDoError = (value: unknown): value is DoError =>
  typeof value === "object" && value !== null && "id" in value && "status" in value && "message" in value;
