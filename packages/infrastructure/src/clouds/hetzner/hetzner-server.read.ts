import type {
  ProviderActionRef,
  ProviderActionState,
  ProviderServer,
  ProviderServerState,
} from "@peykarband/application";
import type { HetznerAction, HetznerServer } from "./hetzner.wire.ts";

/** The label holding our server id on every server we create. */
export const HETZNER_SERVER_ID_LABEL = "peykarband/server-id";

const STATES: Readonly<Record<HetznerServer["status"], ProviderServerState>> = {
  initializing: "BUILDING",
  starting: "BUILDING",
  running: "RUNNING",
  off: "OFF",
  stopping: "BUSY",
  migrating: "BUSY",
  rebuilding: "BUSY",
  deleting: "DELETING",
  unknown: "ERROR",
};

export function toProviderServer(server: HetznerServer): ProviderServer {
  return {
    providerServerId: String(server.id),
    serverId: server.labels[HETZNER_SERVER_ID_LABEL] ?? null,
    state: STATES[server.status],
    ipv4: server.public_net.ipv4?.ip ?? null,
    ipv6: server.public_net.ipv6 ? firstAddress(server.public_net.ipv6.ip) : null,
  };
}

/** Hetzner gives a /64 (`2001:db8:0:1::/64`); the server answers on its ::1. */
function firstAddress(network: string): string {
  const [address = ""] = network.split("/");
  return address.endsWith("::") ? `${address}1` : address;
}

export function actionRef(action: HetznerAction): ProviderActionRef {
  return { actionId: String(action.id) };
}

export function actionState(action: HetznerAction): ProviderActionState {
  if (action.status === "success") return { status: "DONE" };
  if (action.status === "error") {
    const { code, message } = action.error ?? { code: "unknown_error", message: "action failed" };
    return { status: "ERROR", message: `${action.command}: ${code}: ${message}` };
  }
  return { status: "RUNNING", progress: action.progress };
}
