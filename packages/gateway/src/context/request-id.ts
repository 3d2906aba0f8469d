import { randomUUID } from "node:crypto";

const SANE = /^[A-Za-z0-9._:-]{8,128}$/;

/** Keeps a caller's or proxy's x-request-id when it is safe to log and echo; otherwise mints one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === "string" && SANE.test(header) ? header : randomUUID();
}
