import type { ServerJob } from "@peykarband/application";
import {
  Rial,
  serverOrderCharge,
  type LedgerTransaction,
  type RatePeriod,
  type Server,
} from "@peykarband/domain";
import { randomUUID } from "node:crypto";
import { DEFAULT_CATALOG_FILE } from "../catalog/catalog-file.ts";
import { syncCatalogFile } from "../catalog/catalog-sync.ts";
import type { Database } from "../database/database.ts";

/** Syncs the repository's catalog file into the tables (servers reference its plans, regions, images). */
export async function seedCatalog(
  database: Pick<Database, "db">,
  file = DEFAULT_CATALOG_FILE,
): Promise<void> {
  await syncCatalogFile(database.db, file, new Date("2026-03-21T07:00:00.000Z"));
}

/** A PENDING server on DigitalOcean's cheapest plan in fra1, not stored yet, unique id and key. */
export function aServer(userId: string, overrides: Partial<Server> = {}): Server {
  const at = overrides.createdAt ?? new Date("2026-03-21T08:00:00.000Z");
  return {
    id: randomUUID(),
    userId,
    name: "web-1",
    status: "PENDING",
    provider: "DIGITALOCEAN",
    planId: "do-s-1vcpu-1gb",
    regionId: "do-fra1",
    imageId: "ubuntu-24.04",
    sshKeyIds: [],
    providerServerId: null,
    ipv4: null,
    ipv6: null,
    pendingOperation: null,
    failureReason: null,
    version: 1,
    idempotencyKey: `order-${randomUUID()}`,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    ...overrides,
  };
}

/**
 * What placeOrder takes for `server`: its first-hour charge, its rate (the charge an hour, 730
 * hours a month unless told; our own prices the same unless told, as a reseller's markup makes
 * them lower) and its provisioning job.
 */
export function anOrder(
  server: Server,
  options: {
    charge?: bigint;
    monthly?: bigint;
    ourHourly?: bigint;
    ourMonthly?: bigint;
    quotaLimit?: number;
  } = {},
): { server: Server; charge: LedgerTransaction; rate: RatePeriod; quotaLimit: number; job: ServerJob } {
  const hourly = options.charge ?? 11_000n;
  const monthly = options.monthly ?? hourly * 730n;
  return {
    server,
    charge: serverOrderCharge({
      id: randomUUID(),
      serverId: server.id,
      userId: server.userId,
      serverName: server.name,
      amount: Rial.of(hourly),
      at: server.createdAt,
    }),
    rate: {
      startsAt: server.createdAt,
      planId: server.planId,
      hourlyRate: Rial.of(hourly),
      monthlyCap: Rial.of(monthly),
      ourHourlyRate: Rial.of(options.ourHourly ?? hourly),
      ourMonthlyCap: Rial.of(options.ourMonthly ?? monthly),
    },
    quotaLimit: options.quotaLimit ?? 10,
    job: { name: "servers.provision", data: { serverId: server.id, operation: "PROVISION" } },
  };
}
