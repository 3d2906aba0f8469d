import { domainError, type DomainError } from "../shared/domain-error.ts";
import { err, ok, type Result } from "../shared/result.ts";

export const MAX_SERVER_NAME_LENGTH = 63;

// One RFC 1123 label: letters, digits and inner hyphens. Every provider accepts it as a hostname,
// and cloud-init sets it as one, so a name that passes here is never refused at create.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A server's hostname, trimmed and lower-cased; INVALID_NAME for anything else. */
export function parseServerName(
  input: string,
  field: readonly string[] = ["name"],
): Result<string, DomainError<"INVALID_NAME">> {
  const name = input.trim().toLowerCase();
  return LABEL.test(name)
    ? ok(name)
    : err(
        domainError(
          "INVALID_NAME",
          `A server name is 1 to ${MAX_SERVER_NAME_LENGTH} letters, digits or hyphens, not starting or ending with a hyphen.`,
          field,
        ),
      );
}
