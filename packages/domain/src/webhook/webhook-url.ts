import { domainError, type DomainError } from "../shared/domain-error.ts";
import { err, ok, type Result } from "../shared/result.ts";

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/**
 * An http(s) URL with a host and no credentials, in its normalised form. Whether its host may be
 * reached (not loopback or private) is decided against the resolved address, at creation and at
 * every delivery: the text alone cannot tell.
 */
export function parseWebhookUrl(input: string): Result<URL, DomainError<"WEBHOOK_URL_INVALID">> {
  const invalid = err(
    domainError("WEBHOOK_URL_INVALID", "Give an http or https URL without user name or password.", ["url"]),
  );
  if (input.length > MAX_WEBHOOK_URL_LENGTH || !URL.canParse(input)) return invalid;
  const url = new URL(input);
  const schemeOk = url.protocol === "https:" || url.protocol === "http:";
  if (!schemeOk || url.hostname === "" || url.username !== "" || url.password !== "") return invalid;
  url.hash = "";
  return ok(url);
}
