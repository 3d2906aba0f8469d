import { datacenterJson, imageJson, serverTypeJson } from "./hetzner.inventory.ts";
import type { HetznerActionRecord, HetznerServerRecord } from "./hetzner.project.ts";

const seconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** A server as `GET /servers/{id}` shows it. */
export function serverJson(server: HetznerServerRecord): object {
  return {
    id: server.id,
    name: server.name,
    status: server.status,
    created: seconds(server.created),
    public_net: {
      ipv4: {
        id: server.id + 10_000_000,
        ip: server.ipv4,
        blocked: false,
        dns_ptr: `static.${server.ipv4.split(".").reverse().join(".")}.clients.your-server.de`,
      },
      ipv6: {
        id: server.id + 20_000_000,
        ip: server.ipv6,
        blocked: false,
        dns_ptr: [],
      },
      floating_ips: [],
      firewalls: [],
    },
    private_net: [],
    server_type: serverTypeJson(server.serverType),
    // Still required by the spec copy, though the API dropped it in favour of `location`.
    datacenter: datacenterJson(server.location),
    location: server.location,
    image: imageJson(server.image),
    iso: null,
    rescue_enabled: false,
    locked: server.lockedBy !== null,
    backup_window: null,
    outgoing_traffic: 0,
    ingoing_traffic: 0,
    included_traffic: 21_990_232_555_520,
    protection: { delete: false, rebuild: false },
    labels: server.labels,
    volumes: [],
    load_balancers: [],
    primary_disk_size: server.primaryDiskSize,
    placement_group: null,
  };
}

export function actionJson(action: HetznerActionRecord): object {
  return {
    id: action.id,
    command: action.command,
    status: action.status,
    started: seconds(action.started),
    finished: action.finished && seconds(action.finished),
    progress: action.progress,
    resources: [{ id: action.serverId, type: "server" }],
    error: action.error,
  };
}

export interface Page {
  readonly page: number;
  readonly perPage: number;
}

/** `meta.pagination` and the `Link` header of one page of `total` entries. */
export function paginate<T>(
  items: readonly T[],
  { page, perPage }: Page,
  url: URL,
  origin: string,
): { items: readonly T[]; meta: object; link: string | undefined } {
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const pageUrl = (n: number) => {
    const next = new URL(url);
    next.searchParams.set("page", String(n));
    next.searchParams.set("per_page", String(perPage));
    return `<${origin}${next.pathname}${next.search}>`;
  };
  const links = [
    ...(page > 1 ? [`${pageUrl(Math.min(page - 1, lastPage))}; rel="prev"`] : []),
    ...(page < lastPage ? [`${pageUrl(page + 1)}; rel="next"`] : []),
    `${pageUrl(lastPage)}; rel="last"`,
  ];
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    meta: {
      pagination: {
        page,
        per_page: perPage,
        previous_page: page > 1 ? page - 1 : null,
        next_page: page < lastPage ? page + 1 : null,
        last_page: lastPage,
        total_entries: items.length,
      },
    },
    link: links.join(", "),
  };
}
