import type {
  RefreshTokenRecord,
  SessionFamily,
  SessionOpening,
  SessionRepository,
} from "@peykarband/application";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { auditEvents, refreshTokens, sessionFamilies, users } from "../database/schema.ts";
import { toUser } from "./user.repository.ts";

const tokenColumns = {
  tokenHash: refreshTokens.tokenHash,
  familyId: refreshTokens.familyId,
  userId: refreshTokens.userId,
  expiresAt: refreshTokens.expiresAt,
  usedAt: refreshTokens.usedAt,
};

export class DrizzleSessionRepository implements SessionRepository {
  constructor(private readonly db: Db) {}

  async openFamily({ family, firstToken, event }: SessionOpening): Promise<void> {
    // Three inserts as one statement: one round trip and one commit (on the embedded database, a
    // write to disk on the main thread), and all three rows or none.
    const familyRow = this.db.insert(sessionFamilies).values(family);
    const tokenRow = this.db
      .insert(refreshTokens)
      .values({ ...firstToken, familyId: family.id, userId: family.userId });
    const eventRow = this.db.insert(auditEvents).values({ ...event, details: { ...event.details } });
    await this.db.execute(
      sql`with family as (${familyRow.getSQL()}), token as (${tokenRow.getSQL()}) ${eventRow.getSQL()}`,
    );
  }

  async findFamily(id: string): Promise<SessionFamily | null> {
    const [row] = await this.db.select().from(sessionFamilies).where(eq(sessionFamilies.id, id));
    return row ?? null;
  }

  async findFamilyWithUser(id: string) {
    const [row] = await this.db
      .select({ family: sessionFamilies, user: users })
      .from(sessionFamilies)
      .leftJoin(users, eq(users.id, sessionFamilies.userId))
      .where(eq(sessionFamilies.id, id));
    return row ? { family: row.family, user: row.user ? toUser(row.user) : null } : null;
  }

  async addRefreshToken(token: {
    tokenHash: string;
    familyId: string;
    userId: string;
    issuedAt: Date;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.insert(refreshTokens).values(token);
  }

  async useRefreshToken(tokenHash: string, at: Date): Promise<RefreshTokenRecord | null> {
    // One conditional UPDATE: of concurrent refreshes with the same token, the row lock lets one through.
    const [row] = await this.db
      .update(refreshTokens)
      .set({ usedAt: at })
      .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt)))
      .returning(tokenColumns);
    return row ?? null;
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const [row] = await this.db
      .select(tokenColumns)
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash));
    return row ?? null;
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.db
      .update(sessionFamilies)
      .set({ revokedAt: at })
      .where(and(eq(sessionFamilies.id, familyId), isNull(sessionFamilies.revokedAt)));
  }

  async revokeAllForUser(userId: string, at: Date): Promise<void> {
    await this.db
      .update(sessionFamilies)
      .set({ revokedAt: at })
      .where(and(eq(sessionFamilies.userId, userId), isNull(sessionFamilies.revokedAt)));
  }
}
