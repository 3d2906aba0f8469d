import type { Server } from "@peykarband/domain";
import type { CloudFailure, CloudProvider } from "../ports/cloud-provider.ts";
import { awaitProvider } from "./await-provider.ts";
import type { ServerDeps } from "./server-deps.ts";

/**
 * Deletes the server's stored provider id and anything else carrying our id there, waiting until
 * the provider no longer has each. A server already gone counts as deleted.
 */
export async function deleteAtProvider(
  deps: ServerDeps,
  provider: CloudProvider,
  server: Server,
): Promise<{ ok: true } | { ok: false; failure: CloudFailure }> {
  const ids = new Set<string>(server.providerServerId ? [server.providerServerId] : []);
  const found = await provider.findByServerId(server.id);
  if (!found.ok) return { ok: false, failure: found.error };
  for (const s of found.value) ids.add(s.providerServerId);
  const deadline = new Date(deps.clock.now().getTime() + deps.policy.operationDeadlineMs);
  for (const providerServerId of ids) {
    const deleted = await provider.deleteServer(providerServerId);
    if (!deleted.ok) return { ok: false, failure: deleted.error };
    const done = await awaitProvider(
      deps,
      provider,
      { providerServerId, action: deleted.value },
      [],
      deadline,
    );
    if (!done.ok) return { ok: false, failure: { kind: "UNAVAILABLE", code: null, message: done.reason } };
  }
  return { ok: true };
}
