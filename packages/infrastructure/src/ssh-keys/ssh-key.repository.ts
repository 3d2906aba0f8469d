import type { AddSshKeyOutcome, SshKeyRepository } from "@peykarband/application";
import type { SshKey } from "@peykarband/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../database/database.ts";
import { sshKeys } from "../database/schema.ts";
import { isUuid } from "../wallet/wallet-ledger.repository.ts";

const toKey = (row: typeof sshKeys.$inferSelect): SshKey => ({ ...row });

export class DrizzleSshKeyRepository implements SshKeyRepository {
  constructor(private readonly db: Db) {}

  async add(key: SshKey): Promise<AddSshKeyOutcome> {
    const [inserted] = await this.db
      .insert(sshKeys)
      .values({ ...key })
      .onConflictDoNothing({ target: [sshKeys.userId, sshKeys.fingerprint] })
      .returning();
    if (inserted) return { status: "ADDED", key: toKey(inserted) };
    const [existing] = await this.db
      .select()
      .from(sshKeys)
      .where(and(eq(sshKeys.userId, key.userId), eq(sshKeys.fingerprint, key.fingerprint)));
    // Deleted between the two statements: the caller may simply try again.
    if (!existing) throw new Error(`ssh key ${key.fingerprint} conflicted but is not stored`);
    return { status: "DUPLICATE", key: toKey(existing) };
  }

  async listByUser(userId: string): Promise<SshKey[]> {
    if (!isUuid(userId)) return [];
    const rows = await this.db
      .select()
      .from(sshKeys)
      .where(eq(sshKeys.userId, userId))
      .orderBy(asc(sshKeys.createdAt), asc(sshKeys.id));
    return rows.map(toKey);
  }

  async findByIds(userId: string, ids: readonly string[]): Promise<SshKey[]> {
    const wanted = [...new Set(ids.filter(isUuid))];
    if (!isUuid(userId) || wanted.length === 0) return [];
    const rows = await this.db
      .select()
      .from(sshKeys)
      .where(and(eq(sshKeys.userId, userId), inArray(sshKeys.id, wanted)));
    const byId = new Map(rows.map((row) => [row.id, toKey(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async delete(userId: string, id: string): Promise<boolean> {
    if (!isUuid(userId) || !isUuid(id)) return false;
    const deleted = await this.db
      .delete(sshKeys)
      .where(and(eq(sshKeys.userId, userId), eq(sshKeys.id, id)))
      .returning({ id: sshKeys.id });
    return deleted.length > 0;
  }
}
