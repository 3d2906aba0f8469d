import type { User } from "@peykarband/domain";
import type { RequestContext } from "../shared/request-context.ts";
import { readableUsers } from "../shared/tenant-policy.ts";
import type { AccountDeps } from "./account-deps.ts";

export async function viewer(deps: AccountDeps, ctx: RequestContext): Promise<User | null> {
  return ctx.viewer ? deps.users.findById(ctx.viewer.userId) : null;
}

/** A user the viewer may see (themselves; a reseller its customers; staff: anyone), else null, as if it did not exist. */
export async function findUser(deps: AccountDeps, id: string, ctx: RequestContext): Promise<User | null> {
  if (!ctx.viewer) return null;
  const user = await deps.users.findById(id);
  return user && readableUsers(ctx.viewer, [user]).length === 1 ? user : null;
}

/** Batch read for per-request loaders; filters out what the viewer may not see. */
export async function usersByIds(
  deps: AccountDeps,
  ids: readonly string[],
  ctx: RequestContext,
): Promise<User[]> {
  if (!ctx.viewer || ids.length === 0) return [];
  return readableUsers(ctx.viewer, await deps.users.findByIds(ids));
}
