import type {
  CloudProvider,
  ProviderActionRef,
  ProviderServer,
  ProviderServerState,
} from "../ports/cloud-provider.ts";
import { describeFailure, isPermanent, pollDelayMs } from "./server-job-retry.ts";
import type { ServerDeps } from "./server-deps.ts";

export type Awaited =
  { readonly ok: true; readonly server: ProviderServer } | { readonly ok: false; readonly reason: string };

/**
 * Polls the action (when the provider gave one), then the server, until the server is in one of
 * `states` (RUNNING also needs its IPv4), with backoff and jitter. Transient failures of a poll
 * only mean polling again; the deadline ends it. `states` empty (deletes): done only once the
 * provider no longer has the server, whether or not it gave an action to follow (OVH gives none,
 * and its instance lingers in DELETING).
 */
export async function awaitProvider(
  deps: Pick<ServerDeps, "clock" | "sleep" | "policy">,
  provider: CloudProvider,
  target: { providerServerId: string; action: ProviderActionRef | null },
  states: readonly ProviderServerState[],
  deadline: Date,
): Promise<Awaited> {
  let action = target.action;
  for (let poll = 0; ; poll++) {
    if (poll > 0) {
      if (deps.clock.now() > deadline) return { ok: false, reason: "The provider did not finish in time." };
    }
    if (action) {
      const state = await provider.getAction(action);
      if (!state.ok) {
        if (isPermanent(state.error)) return { ok: false, reason: describeFailure(state.error) };
        await deps.sleep(state.error.retryAfterMs ?? pollDelayMs(deps, poll));
        continue;
      }
      if (state.value.status === "ERROR") return { ok: false, reason: state.value.message };
      if (state.value.status === "DONE") {
        action = null;
        continue;
      }
      await deps.sleep(pollDelayMs(deps, poll));
      continue;
    }
    const read = await provider.getServer(target.providerServerId);
    if (!read.ok) {
      if (isPermanent(read.error)) return { ok: false, reason: describeFailure(read.error) };
      await deps.sleep(read.error.retryAfterMs ?? pollDelayMs(deps, poll));
      continue;
    }
    const server = read.value;
    if (states.length === 0) {
      if (!server) return { ok: true, server: gone(target.providerServerId) };
      if (server.state === "ERROR") return { ok: false, reason: "The provider reports the server broken." };
      await deps.sleep(pollDelayMs(deps, poll));
      continue;
    }
    if (!server) return { ok: false, reason: "The provider no longer has this server." };
    if (server.state === "ERROR") return { ok: false, reason: "The provider reports the server broken." };
    if (states.includes(server.state) && (server.state !== "RUNNING" || server.ipv4)) {
      return { ok: true, server };
    }
    await deps.sleep(pollDelayMs(deps, poll));
  }
}

const gone = (providerServerId: string): ProviderServer => ({
  providerServerId,
  serverId: null,
  state: "DELETING",
  ipv4: null,
  ipv6: null,
});
