import type { RecoveryCodeRepository } from "@peykarband/application";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { recoveryCodes } from "../database/schema.ts";

export class DrizzleRecoveryCodeRepository implements RecoveryCodeRepository {
  constructor(private readonly db: Db) {}

  async replaceAll(userId: string, codeHashes: readonly string[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      if (codeHashes.length > 0) {
        await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
      }
    });
  }

  async consume(userId: string, codeHash: string): Promise<boolean> {
    const used = await this.db
      .update(recoveryCodes)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(recoveryCodes.userId, userId),
          eq(recoveryCodes.codeHash, codeHash),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ codeHash: recoveryCodes.codeHash });
    return used.length === 1;
  }

  async deleteAll(userId: string): Promise<void> {
    await this.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  }
}
