import type { CloudRoute } from "../cloud/cloud-simulator.server.ts";
import { jsonReply, type Reply } from "../shared/reply.ts";
import { authenticated, parseId, type HetznerContext } from "./hetzner.context.ts";
import { hetznerError, invalidInput, jsonError, notFound } from "./hetzner.errors.ts";
import { byIdOrName, HETZNER_IMAGES, HETZNER_SERVER_TYPES } from "./hetzner.inventory.ts";
import { rootPassword, type ActionPlan, type HetznerServerRecord } from "./hetzner.project.ts";
import { findServer, parseBody } from "./hetzner-server.routes.ts";
import { actionJson } from "./hetzner.wire.ts";

type Plan = Omit<ActionPlan, "durationMs" | "fails" | "locks">;
/** A plan for the server, or the refusal Hetzner gives for this body and server. */
type Planner = (server: HetznerServerRecord, body: Record<string, unknown>) => Plan | Reply;

const running = (server: HetznerServerRecord) => {
  server.status = "running";
};
const off = (server: HetznerServerRecord) => {
  server.status = "off";
};

const PLANNERS: Readonly<Record<string, Planner>> = {
  poweroff: () => ({ command: "stop_server", during: "stopping", onSuccess: off }),
  // ACPI: the action only says the signal was sent; a simulated guest obeys it.
  shutdown: () => ({ command: "shutdown_server", during: "stopping", onSuccess: off }),
  poweron: () => ({ command: "start_server", during: "starting", onSuccess: running }),
  reboot: () => ({ command: "reboot_server" }),
  reset: () => ({ command: "reset_server" }),
  rebuild: (_server, body) => {
    if (body.image === undefined) return invalidInput("image", "is required");
    const image = byIdOrName(HETZNER_IMAGES, body.image);
    if (!image) return invalidInput("image", "image not found");
    if (body.user_data !== undefined && typeof body.user_data !== "string") {
      return invalidInput("user_data", "must be a string");
    }
    return {
      command: "rebuild_server",
      during: "rebuilding",
      onSuccess: (server) => {
        server.image = image;
        if (typeof body.user_data === "string") server.userData = body.user_data;
        running(server);
      },
    };
  },
  change_type: (server, body) => {
    if (typeof body.upgrade_disk !== "boolean") return invalidInput("upgrade_disk", "is required");
    if (body.server_type === undefined) return invalidInput("server_type", "is required");
    const type = byIdOrName(HETZNER_SERVER_TYPES, body.server_type);
    const disk = body.upgrade_disk ? type?.disk : server.primaryDiskSize;
    if (!type || disk === undefined || type.disk < server.primaryDiskSize) {
      return hetznerError(422, "invalid_server_type", "server type does not fit this server");
    }
    if (server.status !== "off") {
      return hetznerError(422, "server_not_stopped", "server must be stopped before changing its type");
    }
    return {
      command: "change_server_type",
      during: "migrating",
      // The spec: "This copies the content of its disk, and starts it again."
      onSuccess: (changed) => {
        changed.serverType = type;
        changed.primaryDiskSize = disk;
        running(changed);
      },
    };
  },
};

/** `POST /v1/servers/{id}/actions/{name}` and `GET /v1/actions/{id}`. */
export function hetznerActionRoutes(context: HetznerContext): CloudRoute[] {
  return [
    authenticated(context, {
      method: "POST",
      path: /^\/v1\/servers\/([^/]+)\/actions\/([a-z_]+)$/,
      handle: (call) => {
        const [idText, name = ""] = call.params;
        const planner = PLANNERS[name];
        const server = findServer(context, idText);
        if (!planner || !server) return notFound();
        const body = parseBody(call.body);
        if (body === undefined) return jsonError();
        if (typeof body !== "object" || body === null || Array.isArray(body)) {
          return invalidInput("body", "must be an object");
        }
        if (server.lockedBy !== null) return hetznerError(423, "locked", "server is locked");
        const plan = planner(server, body as Record<string, unknown>);
        if ("body" in plan) return plan;
        const action = context.project.startAction(server, {
          ...plan,
          durationMs: context.faults.current.actionMs,
          fails: context.faults.take("failNextActions"),
          locks: true,
        });
        const extra = name === "rebuild" ? { root_password: rootPassword() } : {};
        return jsonReply(201, { action: actionJson(action), ...extra });
      },
    }),
    authenticated(context, {
      method: "GET",
      path: /^\/v1\/actions\/([^/]+)$/,
      handle: (call) => {
        const id = parseId(call.params[0]);
        const action = id === null ? undefined : context.project.action(id);
        return action ? jsonReply(200, { action: actionJson(action) }) : notFound();
      },
    }),
  ];
}
