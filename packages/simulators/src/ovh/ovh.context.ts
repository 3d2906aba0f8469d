import type { CloudCall, CloudRoute } from "../cloud/cloud-simulator.server.ts";
import type { CloudFaultBoard } from "../cloud/cloud-faults.ts";
import type { Reply } from "../shared/reply.ts";
import { checkSignedCall, type OvhClock, type OvhCredentials } from "./ovh-auth.check.ts";
import type { OvhInstanceStore } from "./ovh-instance.store.ts";
import { ovhError } from "./ovh.replies.ts";

export interface OvhContext {
  /** The only Public Cloud project this account has. */
  readonly serviceName: string;
  readonly credentials: OvhCredentials;
  /** The official API's origin, whose URLs python-ovh signs: `https://eu.api.ovh.com`. */
  readonly officialOrigin: string;
  readonly clock: OvhClock;
  readonly instances: OvhInstanceStore;
  readonly faults: CloudFaultBoard;
}

/** Both spellings of the version prefix reach the same API (`/1.0` and `/v1`). */
export const API = String.raw`/(?:1\.0|v1)`;
export const PROJECT = String.raw`${API}/cloud/project/([^/]+)`;

/**
 * A route of the project API: signed, and for the simulator's project only. The first capture
 * group of `path` is the service name; the handler gets the remaining ones.
 */
export function projectRoute(
  context: OvhContext,
  route: Omit<CloudRoute, "handle"> & { handle(call: CloudCall, params: readonly string[]): Reply },
): CloudRoute {
  return {
    ...route,
    handle: (call) => {
      const refused = checkSignedCall(call, context.credentials, context.clock, context.officialOrigin);
      if (refused) return refused;
      const [serviceName, ...params] = call.params;
      if (serviceName !== context.serviceName) {
        return ovhError(404, "Client::NotFound", "This service does not exist");
      }
      return route.handle(call, params);
    },
  };
}
