import type { User } from "@peykarband/domain";
import { canReadUser } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { AccountDeps } from "./account-deps.ts";

export async function viewer(deps: AccountDeps, ctx: RequestContext): Promise<User | null> {
  return ctx.viewer ? deps.users.findById(ctx.viewer.userId) : null;
}

/** A user the viewer may see (themselves; staff: anyone), else null, as if it did not exist. */
export async function findUser(deps: AccountDeps, id: string, ctx: RequestContext): Promise<User | null> {
  return canReadUser(ctx.viewer, id) ? deps.users.findById(id) : null;
}

/** Batch read for per-request loaders; filters out what the viewer may not see. */
export async function usersByIds(
  deps: AccountDeps,
  ids: readonly string[],
  ctx: RequestContext,
): Promise<User[]> {
  const visible = ids.filter((id) => canReadUser(ctx.viewer, id));
  return visible.length ? deps.users.findByIds(visible) : [];
}
