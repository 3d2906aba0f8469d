import type { ApiScope, Role } from "@peykarband/domain";

/** Who is calling, resolved by the gateway from a verified access token. */
export interface Viewer {
  readonly userId: string;
  readonly role: Role;
  /** The refresh-token family this access token was issued for; logOut revokes it. Null for an API key. */
  readonly sessionId: string | null;
  /** Set when the caller authenticated with an API key: the key and the only scopes it may use. */
  readonly apiKey?: { readonly id: string; readonly scopes: readonly ApiScope[] };
}

/** Passed explicitly to every use case: the caller and where the request came from (for audit and throttling). */
export interface RequestContext {
  readonly requestId: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly viewer: Viewer | null;
}
