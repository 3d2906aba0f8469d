import { join } from "node:path";
import type { CreateAdminInput, CreateAdminOutcome } from "./create-admin.operation.ts";

/**
 * The running sandbox's door for operator commands: a Unix socket beside its embedded database,
 * readable and writable by the owner only. The embedded database admits one process, so a command
 * that must write to it while the server runs asks the server to do the write.
 */
export const operatorSocketPath = (dataDir: string): string => join(dataDir, "operator.sock");

/**
 * A Unix socket's address holds 104 bytes on macOS and 108 on Linux, NUL included, and Node cuts a
 * longer path silently: the socket would appear somewhere else. Deeper data directories go without.
 */
export const fitsSocketAddress = (path: string): boolean => Buffer.byteLength(path) <= 103;

/** One JSON line each way; a request carries a password, so it is never logged. */
export type OperatorRequest = { readonly command: "create-admin" } & CreateAdminInput;
export type OperatorResponse = CreateAdminOutcome;

/** A request line is far below this; anything longer is not one of ours. */
export const MAX_LINE_BYTES = 64 * 1024;

export function parseOperatorRequest(line: string): OperatorRequest | null {
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    return value["command"] === "create-admin" &&
      typeof value["email"] === "string" &&
      typeof value["password"] === "string"
      ? { command: "create-admin", email: value["email"], password: value["password"] }
      : null;
  } catch {
    return null;
  }
}

export function parseOperatorResponse(line: string): OperatorResponse | null {
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (value["ok"] === true && typeof value["created"] === "boolean" && typeof value["email"] === "string") {
      return { ok: true, created: value["created"], email: value["email"] };
    }
    if (value["ok"] === false && typeof value["message"] === "string") {
      return { ok: false, message: value["message"] };
    }
    return null;
  } catch {
    return null;
  }
}
