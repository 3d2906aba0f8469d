import {
  domainError,
  err,
  ok,
  type DomainError,
  type Result,
  type Server,
  type ServerStatusChange,
} from "@peykarband/domain";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import { canSeeServer } from "./server-access.ts";
import type { ServerDeps } from "./server-deps.ts";
import type { ServerStatusStream } from "./server-use-cases.contract.ts";

/**
 * Opens a status stream: the access check, then the subscription, THEN the read of the stored
 * state, so no change can fall between the two; changes not newer than the version read (already
 * in the opening state, or delivered twice) are dropped. A server watched alone may be another
 * user's for SUPPORT and ADMIN: the feed is per owner, so the stream subscribes to its owner's.
 */
export async function serverStatusChanged(
  deps: ServerDeps,
  input: { serverId: string | null },
  ctx: RequestContext,
): Promise<Result<ServerStatusStream, DomainError<"SERVER_NOT_FOUND">>> {
  const viewer = requireViewer(ctx);
  let ownerId = viewer.userId;
  if (input.serverId) {
    const server = await deps.servers.findById(input.serverId);
    if (!server || !(await canSeeServer(deps.users, viewer, server))) {
      return err(domainError("SERVER_NOT_FOUND", "There is no such server.", ["serverId"]));
    }
    ownerId = server.userId;
  }
  const source = await deps.feed.subscribe(ownerId);
  let initial: Server[];
  try {
    initial = input.serverId
      ? (await deps.servers.findByIds([input.serverId])).flatMap((s) => (s ? [s] : []))
      : await deps.servers.listLive(ownerId, deps.policy.maxWatchedServers);
  } catch (error) {
    await source.return?.();
    throw error;
  }
  const versions = new Map(initial.map((s) => [s.id, s.version]));
  const watchAll = input.serverId === null;
  const wanted = (change: ServerStatusChange): boolean => {
    const known = versions.get(change.serverId);
    if (known === undefined) {
      // A server ordered after the stream opened: followed too, within the cap.
      if (!watchAll || versions.size >= deps.policy.maxWatchedServers) return false;
    } else if (change.version <= known) {
      return false;
    }
    versions.set(change.serverId, change.version);
    return true;
  };
  return ok({ initial, changes: filtered(source, wanted) });
}

function filtered(
  source: AsyncIterableIterator<ServerStatusChange>,
  wanted: (change: ServerStatusChange) => boolean,
): AsyncIterableIterator<ServerStatusChange> {
  const done = (): IteratorResult<ServerStatusChange> => ({ done: true, value: undefined });
  const iterator: AsyncIterableIterator<ServerStatusChange> = {
    async next() {
      for (;;) {
        const item = await source.next();
        if (item.done) return item;
        if (wanted(item.value)) return item;
      }
    },
    async return() {
      await source.return?.();
      return done();
    },
    async throw(error?: unknown) {
      if (source.throw) return source.throw(error);
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
