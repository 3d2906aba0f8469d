import type { ResellerMarkupRepository } from "@peykarband/application";
import { eq } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { resellerMarkups } from "../database/schema.ts";

export class DrizzleResellerMarkupRepository implements ResellerMarkupRepository {
  constructor(private readonly db: Db) {}

  async markupOf(resellerId: string): Promise<number> {
    const [row] = await this.db
      .select({ basisPoints: resellerMarkups.basisPoints })
      .from(resellerMarkups)
      .where(eq(resellerMarkups.resellerId, resellerId));
    return row?.basisPoints ?? 0;
  }

  async setMarkup(resellerId: string, basisPoints: number, at: Date): Promise<void> {
    await this.db
      .insert(resellerMarkups)
      .values({ resellerId, basisPoints, updatedAt: at })
      .onConflictDoUpdate({ target: resellerMarkups.resellerId, set: { basisPoints, updatedAt: at } });
  }
}
