import type { LanguagePreferences } from "@peykarband/application";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "@peykarband/domain";
import { eq } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { users } from "../database/schema.ts";
import { isUuid } from "../wallet/wallet-ledger.repository.ts";

/** `users.language`: the column dunning's notices (DrizzleDunningRepository.contact) are written by. */
export class DrizzleLanguagePreferences implements LanguagePreferences {
  constructor(private readonly db: Db) {}

  async languageOf(userId: string): Promise<Language | null> {
    if (!isUuid(userId)) return null;
    const [row] = await this.db.select({ language: users.language }).from(users).where(eq(users.id, userId));
    if (!row) return null;
    return isLanguage(row.language) ? row.language : DEFAULT_LANGUAGE;
  }

  async setLanguage(userId: string, language: Language): Promise<boolean> {
    if (!isUuid(userId)) return false;
    const updated = await this.db
      .update(users)
      .set({ language })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    return updated.length === 1;
  }
}
