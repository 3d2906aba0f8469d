import type { AccountUseCases, RequestContext } from "@peykarband/application";
import type { User } from "@peykarband/domain";
import DataLoader from "dataloader";

export interface UserLoaders {
  /** Users the viewer may see, by id; null for the others. One batch per tick, one cache per operation. */
  readonly user: DataLoader<string, User | null>;
}

export function createUserLoaders(useCases: AccountUseCases, ctx: RequestContext): UserLoaders {
  return {
    user: new DataLoader(async (ids: readonly string[]) => {
      const byId = new Map((await useCases.usersByIds(ids, ctx)).map((user) => [user.id, user]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
