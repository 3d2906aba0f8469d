import { count, inArray, min } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { servers } from "../database/schema.ts";

/** Servers ordered and not yet ACTIVE or FAILED at one cloud, and the oldest one's order time. */
export interface ProvisioningBacklog {
  /** Lower case, as the metrics label it. */
  readonly cloud: string;
  readonly servers: number;
  readonly oldestOrderedAt: Date;
}

/** Servers still PENDING or PROVISIONING, per cloud: a provisioning that is stuck shows here. */
export async function provisioningBacklog(db: Db): Promise<ProvisioningBacklog[]> {
  const rows = await db
    .select({ provider: servers.provider, servers: count(), oldest: min(servers.createdAt) })
    .from(servers)
    .where(inArray(servers.status, ["PENDING", "PROVISIONING"]))
    .groupBy(servers.provider);
  return rows.flatMap((row) =>
    row.oldest === null
      ? []
      : [{ cloud: row.provider.toLowerCase(), servers: row.servers, oldestOrderedAt: row.oldest }],
  );
}
