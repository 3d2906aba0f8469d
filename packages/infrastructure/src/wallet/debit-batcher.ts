import type { IdGenerator, LedgerDebitOutcome } from "@peykarband/application";
import type { LedgerTransaction } from "@peykarband/domain";
import type { Db } from "../database/database.ts";
import { writeDebitBatch, writeLedgerTransaction } from "./ledger-write.ts";

/** Bounds how long one batch holds its wallets locked, and what a retry one by one costs. */
const MAX_BATCH = 50;

interface WaitingDebit {
  readonly transaction: LedgerTransaction;
  resolve(outcome: LedgerDebitOutcome | Promise<LedgerDebitOutcome>): void;
  reject(error: unknown): void;
}

/**
 * Group commit for debits. A debit that arrives while fewer than `writers` batches are being
 * written goes straight to the database; debits that arrive meanwhile wait and then go together,
 * in arrival order, in one statement and one commit (`writeDebitBatch`). Each still gets its own
 * outcome, exactly as if written alone. Under load this trades at most one write's wait for far
 * fewer round trips and commits; idle, it adds nothing.
 */
export class DebitBatcher {
  private waiting: WaitingDebit[] = [];
  private inFlight = 0;

  constructor(
    private readonly db: Db,
    private readonly entryIds: IdGenerator,
    /** Batches in flight at once. */
    private readonly writers = 1,
  ) {}

  debit(transaction: LedgerTransaction): Promise<LedgerDebitOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ transaction, resolve, reject });
      if (this.inFlight < this.writers) void this.writeWaiting();
    });
  }

  private async writeWaiting(): Promise<void> {
    this.inFlight++;
    while (this.waiting.length > 0) {
      await this.write(this.waiting.splice(0, MAX_BATCH));
    }
    this.inFlight--;
  }

  private async write(debits: WaitingDebit[]): Promise<void> {
    if (debits.length > 1) {
      try {
        const outcomes = await writeDebitBatch(
          this.db,
          debits.map((debit) => debit.transaction),
          this.entryIds,
        );
        debits.forEach((debit, i) => debit.resolve(outcomes[i]!));
        return;
      } catch {
        // The batch wrote nothing; alone, each debit meets its own outcome or error.
      }
    }
    for (const debit of debits) {
      await writeLedgerTransaction(this.db, debit.transaction, {
        guarded: true,
        entryIds: this.entryIds,
      }).then(debit.resolve, debit.reject);
    }
  }
}
