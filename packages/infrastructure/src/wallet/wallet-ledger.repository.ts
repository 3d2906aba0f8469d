import type {
  IdGenerator,
  LedgerDebitOutcome,
  LedgerEntryCursor,
  LedgerEntryPage,
  LedgerPostOutcome,
  WalletLedger,
} from "@peykarband/application";
import { Rial, type LedgerTransaction } from "@peykarband/domain";
import { and, eq, sql, count } from "drizzle-orm";
import type { Database, Db } from "../database/database.ts";
import { ledgerEntries, ledgerTransactions } from "../database/schema.ts";
import { SystemClock } from "../system/system.clock.ts";
import { UuidV7Generator } from "../system/uuid-v7.id-generator.ts";
import { DebitBatcher } from "./debit-batcher.ts";
import { balanceOf, loadTransaction, toEntry } from "./ledger-read.ts";
import { writeLedgerTransaction } from "./ledger-write.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

export class DrizzleWalletLedger implements WalletLedger {
  /** Time-ordered entry ids, so a wallet's entries of one instant still list in posting order. */
  private readonly entryIds: IdGenerator = new UuidV7Generator(new SystemClock());
  private readonly debits: DebitBatcher;

  /**
   * `debitWriters`: debit batches in flight at once. One for PGlite, which runs one statement at a
   * time anyway; on PostgreSQL a second lets one batch fill while the other commits.
   */
  constructor(
    private readonly db: Db,
    options: { debitWriters?: number } = {},
  ) {
    this.debits = new DebitBatcher(db, this.entryIds, options.debitWriters ?? 1);
  }

  /** The ledger as the app runs it on this database. */
  static on(database: Database): DrizzleWalletLedger {
    return new DrizzleWalletLedger(database.db, { debitWriters: database.kind === "postgres" ? 2 : 1 });
  }

  async post(transaction: LedgerTransaction): Promise<LedgerPostOutcome> {
    const outcome = await writeLedgerTransaction(this.db, transaction, {
      guarded: false,
      entryIds: this.entryIds,
    });
    if (outcome.status === "INSUFFICIENT_FUNDS") throw new Error("an unguarded post was refused");
    return outcome;
  }

  debit(transaction: LedgerTransaction): Promise<LedgerDebitOutcome> {
    return this.debits.debit(transaction);
  }

  async balance(userId: string): Promise<Rial> {
    return isUuid(userId) ? balanceOf(this.db, userId) : Rial.zero;
  }

  async entries(query: {
    userId: string;
    limit: number;
    direction?: "after" | "before";
    cursor?: LedgerEntryCursor;
  }): Promise<LedgerEntryPage> {
    if (!isUuid(query.userId)) return { entries: [], hasMore: false };
    const { cursor } = query;
    const backward = query.direction === "before";
    const position = cursor && sql`(${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
    const rows = await this.db
      .select({ entry: ledgerEntries, transaction: ledgerTransactions })
      .from(ledgerEntries)
      .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
      .where(
        and(
          eq(ledgerEntries.userId, query.userId),
          position &&
            (backward
              ? sql`(${ledgerEntries.createdAt}, ${ledgerEntries.id}) > ${position}`
              : sql`(${ledgerEntries.createdAt}, ${ledgerEntries.id}) < ${position}`),
        ),
      )
      // The index is "desc nulls last"; plain DESC (nulls first) would not use it, and backwards
      // its exact reverse, "asc nulls first", reads it from the other end.
      .orderBy(
        ...(backward
          ? [sql`${ledgerEntries.createdAt} asc nulls first`, sql`${ledgerEntries.id} asc nulls first`]
          : [sql`${ledgerEntries.createdAt} desc nulls last`, sql`${ledgerEntries.id} desc nulls last`]),
      )
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit).map(({ entry, transaction }) => toEntry(entry, transaction));
    return { entries: backward ? page.reverse() : page, hasMore: rows.length > query.limit };
  }

  async countEntries(userId: string): Promise<number> {
    if (!isUuid(userId)) return 0;
    const [row] = await this.db
      .select({ n: count() })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.userId, userId));
    return row!.n;
  }

  findByReference(reference: string): Promise<LedgerTransaction | null> {
    return loadTransaction(this.db, reference);
  }
}
