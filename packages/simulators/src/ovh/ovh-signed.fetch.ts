import type { OvhCredentials } from "./ovh-auth.check.ts";
import { ovhSignature } from "./ovh.signature.ts";

export interface OvhAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON; undefined when the body is empty or not JSON. */
  readonly json: unknown;
}

export interface SignedFetchOptions {
  readonly credentials: OvhCredentials;
  /** Seconds to add to this machine's clock (the delta a client learns from /auth/time). */
  readonly clockDelta?: number;
  /**
   * The URL the signature names when it is not the one requested: python-ovh signs its official
   * endpoint's URL (`https://eu.api.ovh.com/1.0/…`) wherever the request really goes.
   */
  readonly signedUrl?: string;
  /** Headers to drop or replace after signing, to test refusals. */
  readonly override?: Readonly<Record<string, string | null>>;
}

/**
 * A minimal OVH client, the way python-ovh signs (for the simulator's tests and for poking at it by
 * hand): `url` is complete, `body` is sent compact.
 */
export async function ovhSignedFetch(
  method: "GET" | "POST" | "PUT" | "DELETE",
  url: string,
  options: SignedFetchOptions,
  body?: unknown,
): Promise<OvhAnswer> {
  const text = body === undefined ? "" : JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000) + (options.clockDelta ?? 0));
  const headers: Record<string, string> = {
    accept: "application/json",
    "x-ovh-application": options.credentials.applicationKey,
    "x-ovh-consumer": options.credentials.consumerKey,
    "x-ovh-timestamp": timestamp,
    "x-ovh-signature": ovhSignature({
      applicationSecret: options.credentials.applicationSecret,
      consumerKey: options.credentials.consumerKey,
      method,
      url: options.signedUrl ?? url,
      body: text,
      timestamp,
    }),
    ...(text ? { "content-type": "application/json" } : {}),
  };
  for (const [name, value] of Object.entries(options.override ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  const response = await fetch(url, { method, headers, ...(text ? { body: text } : {}) });
  const raw = await response.text();
  let json: unknown;
  try {
    json = raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json };
}
