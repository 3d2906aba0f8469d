import type { Role } from "@peykarband/domain";

/** Who is calling, resolved by the gateway from a verified access token. */
export interface Viewer {
  readonly userId: string;
  readonly role: Role;
  /** The refresh-token family this access token was issued for; logOut revokes it. */
  readonly sessionId: string;
}

/** Passed explicitly to every use case: the caller and where the request came from (for audit and throttling). */
export interface RequestContext {
  readonly requestId: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly viewer: Viewer | null;
}
