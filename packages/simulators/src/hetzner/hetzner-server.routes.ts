import type { CloudRoute } from "../cloud/cloud-simulator.server.ts";
import { jsonReply } from "../shared/reply.ts";
import { authenticated, parseId, type HetznerContext } from "./hetzner.context.ts";
import { hetznerError, invalidInput, jsonError, notFound } from "./hetzner.errors.ts";
import { parseLabelSelector } from "./hetzner.label-selector.ts";
import { validateCreateServer } from "./hetzner-create.validation.ts";
import { HETZNER_SERVER_STATUSES, rootPassword, type HetznerServerRecord } from "./hetzner.project.ts";
import { actionJson, paginate, serverJson } from "./hetzner.wire.ts";

const DEFAULT_PER_PAGE = 25;
const MAX_PER_PAGE = 50;
const SORT_FIELDS = new Set(["id", "name", "created"]);

/** `/v1/servers`: list, create, get, delete. */
export function hetznerServerRoutes(context: HetznerContext): CloudRoute[] {
  const { project } = context;
  return [
    authenticated(context, {
      method: "GET",
      path: /^\/v1\/servers$/,
      handle: (call) => {
        const query = call.url.searchParams;
        const page = positiveInteger(query.get("page"), 1);
        const perPage = positiveInteger(query.get("per_page"), DEFAULT_PER_PAGE);
        if (page === null) return invalidInput("page", "must be a positive integer");
        if (perPage === null) return invalidInput("per_page", "must be a positive integer");
        let servers = project.servers();
        const name = query.get("name");
        if (name !== null) servers = servers.filter((server) => server.name === name);
        const selector = query.get("label_selector");
        if (selector !== null) {
          const matches = parseLabelSelector(selector);
          if (!matches) return invalidInput("label_selector", "invalid label selector");
          servers = servers.filter((server) => matches(server.labels));
        }
        const statuses = query.getAll("status");
        const unknownStatus = statuses.find(
          (s) => !(HETZNER_SERVER_STATUSES as readonly string[]).includes(s),
        );
        if (unknownStatus !== undefined) return invalidInput("status", `unknown status '${unknownStatus}'`);
        if (statuses.length > 0) servers = servers.filter((server) => statuses.includes(server.status));
        const sorted = sortServers(servers, query.getAll("sort"));
        if (!sorted) return invalidInput("sort", "invalid sort field");
        const { items, meta, link } = paginate(
          sorted,
          { page, perPage: Math.min(perPage, MAX_PER_PAGE) },
          call.url,
          context.origin(call),
        );
        const reply = jsonReply(200, { servers: items.map(serverJson), meta });
        return link ? { ...reply, headers: { ...reply.headers, link } } : reply;
      },
    }),
    authenticated(context, {
      method: "POST",
      path: /^\/v1\/servers$/,
      creates: true,
      handle: (call) => {
        const body = parseBody(call.body);
        if (body === undefined) return jsonError();
        const valid = validateCreateServer(body);
        if (!valid.ok) return valid.reply;
        const spec = valid.value;
        if (project.servers().some((server) => server.name === spec.name)) {
          return hetznerError(409, "uniqueness_error", "server name is already used", {
            fields: [{ name: "name" }],
          });
        }
        const server = project.addServer({
          name: spec.name,
          status: "initializing",
          labels: spec.labels,
          location: spec.location,
          serverType: spec.serverType,
          image: spec.image,
          userData: spec.userData,
          primaryDiskSize: spec.serverType.disk,
        });
        const { actionMs } = context.faults.current;
        const fails = context.faults.take("failNextActions");
        const broken = (s: HetznerServerRecord) => (s.status = "unknown");
        const create = project.startAction(server, {
          command: "create_server",
          durationMs: actionMs / 2,
          fails,
          locks: true,
          during: "initializing",
          onSuccess: (s) => (s.status = spec.startAfterCreate ? "starting" : "off"),
          onFailure: broken,
        });
        const next = spec.startAfterCreate
          ? [
              project.startAction(server, {
                command: "start_server",
                durationMs: actionMs,
                fails,
                locks: true,
                onSuccess: (s) => (s.status = "running"),
                onFailure: broken,
              }),
            ]
          : [];
        return jsonReply(201, {
          server: serverJson(server),
          action: actionJson(create),
          next_actions: next.map(actionJson),
          root_password: spec.sshKeys ? null : rootPassword(),
        });
      },
    }),
    authenticated(context, {
      method: "GET",
      path: /^\/v1\/servers\/([^/]+)$/,
      handle: (call) => {
        const server = findServer(context, call.params[0]);
        return server ? jsonReply(200, { server: serverJson(server) }) : notFound();
      },
    }),
    authenticated(context, {
      method: "DELETE",
      path: /^\/v1\/servers\/([^/]+)$/,
      handle: (call) => {
        const server = findServer(context, call.params[0]);
        if (!server) return notFound();
        const fails = context.faults.take("failNextActions");
        const action = project.startAction(server, {
          command: "delete_server",
          durationMs: context.faults.current.actionMs,
          fails,
          locks: true,
          during: "deleting",
        });
        // The API removes a server at once; a failing delete leaves it, back in its old status.
        if (!fails) project.removeServer(server.id);
        return jsonReply(200, { action: actionJson(action) });
      },
    }),
  ];
}

export function findServer(
  context: HetznerContext,
  idText: string | undefined,
): HetznerServerRecord | undefined {
  const id = parseId(idText);
  return id === null ? undefined : context.project.server(id);
}

export function parseBody(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function positiveInteger(text: string | null, fallback: number): number | null {
  if (text === null) return fallback;
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : null;
}

function sortServers(
  servers: readonly HetznerServerRecord[],
  sort: readonly string[],
): HetznerServerRecord[] | null {
  const keys: { field: string; descending: boolean }[] = [];
  for (const entry of sort) {
    const [field = "", direction = "asc"] = entry.split(":");
    if (!SORT_FIELDS.has(field) || (direction !== "asc" && direction !== "desc")) return null;
    keys.push({ field, descending: direction === "desc" });
  }
  keys.push({ field: "id", descending: false });
  const value = (server: HetznerServerRecord, field: string): number | string =>
    field === "name" ? server.name : field === "created" ? server.created.getTime() : server.id;
  return [...servers].sort((a, b) => {
    for (const { field, descending } of keys) {
      const [x, y] = [value(a, field), value(b, field)];
      if (x !== y) return (x < y ? -1 : 1) * (descending ? -1 : 1);
    }
    return 0;
  });
}
