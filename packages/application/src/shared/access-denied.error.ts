import type { Role } from "@peykarband/domain";
import type { RequestContext, Viewer } from "./request-context.ts";

/**
 * Thrown, not returned: the gateway's rules already keep callers out, so reaching this is a bug
 * or an attack, and the gateway answers it as a top-level FORBIDDEN / UNAUTHENTICATED error.
 */
export class AccessDeniedError extends Error {
  constructor(readonly reason: "UNAUTHENTICATED" | "FORBIDDEN") {
    super(reason === "UNAUTHENTICATED" ? "Sign in first." : "Not allowed.");
    this.name = "AccessDeniedError";
  }
}

export function requireViewer(ctx: RequestContext): Viewer {
  if (!ctx.viewer) throw new AccessDeniedError("UNAUTHENTICATED");
  return ctx.viewer;
}

export function requireRole(ctx: RequestContext, roles: readonly Role[]): Viewer {
  const viewer = requireViewer(ctx);
  if (!roles.includes(viewer.role)) throw new AccessDeniedError("FORBIDDEN");
  return viewer;
}

/** Staff may read any account; everyone else only their own. */
export const canReadUser = (viewer: Viewer | null, userId: string): boolean =>
  viewer !== null && (viewer.userId === userId || viewer.role === "SUPPORT" || viewer.role === "ADMIN");
