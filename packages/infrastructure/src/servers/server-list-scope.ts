import type { ServerListScope } from "@peykarband/application";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import { servers } from "../database/schema.ts";

/** The rows `list` pages through and `count` counts: one definition, so the two cannot disagree. */
export function inScope(scope: ServerListScope): SQL | undefined {
  const statuses = scope.filter?.statuses;
  return and(
    scope.userId === null ? undefined : eq(servers.userId, scope.userId),
    statuses === undefined ? undefined : inArray(servers.status, statuses.length > 0 ? [...statuses] : [""]),
  );
}
