import type { RequestContext, ServerUseCases } from "@peykarband/application";
import type { Image, Plan, Region, Server } from "@peykarband/domain";
import DataLoader from "dataloader";

export interface ServerLoaders {
  /** Catalog entries by our id; null for an unknown one. One batch per tick, one cache per operation. */
  readonly plan: DataLoader<string, Plan | null>;
  readonly region: DataLoader<string, Region | null>;
  readonly image: DataLoader<string, Image | null>;
  /**
   * Servers the viewer may see, by id; null for the others. A subscription clears an entry before
   * each event so the server it carries is read at emit time, not when the socket subscribed.
   */
  readonly server: DataLoader<string, Server | null>;
}

export function createServerLoaders(
  servers: Pick<ServerUseCases, "plansByIds" | "regionsByIds" | "imagesByIds" | "findServer">,
  ctx: RequestContext,
): ServerLoaders {
  return {
    plan: new DataLoader((ids: readonly string[]) => servers.plansByIds(ids)),
    region: new DataLoader((ids: readonly string[]) => servers.regionsByIds(ids)),
    image: new DataLoader((ids: readonly string[]) => servers.imagesByIds(ids)),
    // Servers come in whole from lists and mutations; a lone read by id (node, server, a
    // subscription's event) is the only use, so one find per distinct id is enough.
    server: new DataLoader((ids: readonly string[]) =>
      Promise.all(ids.map((id) => servers.findServer(id, ctx))),
    ),
  };
}
