import { timingSafeEqual } from "node:crypto";
import type { CloudCall } from "../cloud/cloud-simulator.server.ts";
import type { Reply } from "../shared/reply.ts";
import { ovhAuthError, ovhJson } from "./ovh.replies.ts";
import { ovhSignature } from "./ovh.signature.ts";

export interface OvhCredentials {
  readonly applicationKey: string;
  readonly applicationSecret: string;
  readonly consumerKey: string;
}

export interface OvhClock {
  /** The simulated API's time, Unix seconds. */
  now(): number;
  /** How far a request's X-Ovh-Timestamp may be from `now()`. */
  readonly maxSkewSeconds: number;
}

const header = (call: CloudCall, name: string): string | undefined => {
  const value = call.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const invalidSignature = (): Reply => ovhAuthError(400, "INVALID_SIGNATURE", "Invalid signature");

/**
 * The checks OVH makes before a call reaches the API: a known application key (403 INVALID_KEY),
 * a consumer key (401 without one, 403 INVALID_CREDENTIAL for an unknown one), then the
 * signature over the URL and body, with a timestamp close to the API's clock.
 *
 * Two URLs are accepted, as the two kinds of official client sign them when pointed at the
 * simulator: python-ovh knows endpoints by name only and signs the official one
 * (`https://eu.api.ovh.com/1.0/cloud/project/…`) whatever host the request really reaches; go-ovh
 * and the like take a base URL and sign the URL as sent (`http://127.0.0.1:4103/1.0/…`).
 */
export function checkSignedCall(
  call: CloudCall,
  credentials: OvhCredentials,
  clock: OvhClock,
  officialOrigin: string,
): Reply | undefined {
  const applicationKey = header(call, "x-ovh-application");
  if (!applicationKey || !same(applicationKey, credentials.applicationKey)) {
    return ovhAuthError(403, "INVALID_KEY", "This application key is invalid");
  }
  const consumerKey = header(call, "x-ovh-consumer");
  if (!consumerKey) return ovhJson(401, { message: "You must login first" });
  if (!same(consumerKey, credentials.consumerKey)) {
    return ovhAuthError(403, "INVALID_CREDENTIAL", "This credential is not valid");
  }
  const timestamp = header(call, "x-ovh-timestamp");
  const signature = header(call, "x-ovh-signature");
  if (!timestamp || !/^\d+$/.test(timestamp) || !signature) return invalidSignature();
  if (Math.abs(Number(timestamp) - clock.now()) > clock.maxSkewSeconds) return invalidSignature();
  const target = `${call.url.pathname}${call.url.search}`;
  const signed = (url: string) =>
    ovhSignature({
      applicationSecret: credentials.applicationSecret,
      consumerKey,
      method: call.method.toUpperCase(),
      url,
      body: call.body,
      timestamp,
    });
  const official = signed(`${officialOrigin}${target}`);
  const asSent = signed(`http://${header(call, "host") ?? ""}${target}`);
  return same(signature, official) || same(signature, asSent) ? undefined : invalidSignature();
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
