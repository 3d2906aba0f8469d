import type { CloudFaultBoard } from "../cloud/cloud-faults.ts";
import type { CloudCall, CloudRoute } from "../cloud/cloud-simulator.server.ts";
import type { Reply } from "../shared/reply.ts";
import { unauthorized } from "./hetzner.errors.ts";
import type { HetznerProject } from "./hetzner.project.ts";

export interface HetznerContext {
  readonly project: HetznerProject;
  readonly faults: CloudFaultBoard;
  /** The project's API token: `Authorization: Bearer <token>`. */
  readonly token: string;
  /** Where the API claims to live, for `Link` headers: e.g. `https://api.hetzner.cloud/v1`. */
  readonly origin: (call: CloudCall) => string;
}

/** A route that answers only a request bearing the project's token, the way Hetzner refuses others. */
export function authenticated(
  context: HetznerContext,
  route: Omit<CloudRoute, "handle"> & { handle(call: CloudCall): Reply },
): CloudRoute {
  return {
    ...route,
    handle: (call) => {
      const header = call.headers.authorization ?? "";
      if (header !== `Bearer ${context.token}`) return unauthorized();
      return route.handle(call);
    },
  };
}

/** Hetzner ids are positive integers below 2^53; anything else is a 404 like any unknown id. */
export function parseId(text: string | undefined): number | null {
  if (!text || !/^[1-9]\d{0,15}$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}
