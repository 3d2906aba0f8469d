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
 * Group commit for debits. Debits made together while fewer than `writers` batches are being
 * written go to the database together; debits that arrive while every writer is busy wait and go
 * together when one is free. A batch of one is one `ledger_write` call; more, up to 50, are one
 * `ledger_write_batch` statement and one commit (`writeDebitBatch`), in arrival order. Each debit
 * still gets its own outcome, exactly as if written alone. Under load this trades at most one
 * batch's wait for far fewer round trips and commits; idle, it adds nothing.
 */
export class DebitBatcher {
  private waiting: WaitingDebit[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly entryIds: IdGenerator,
    /** Batches in flight at once. */
    private readonly writers = 1,
  ) {}

  debit(transaction: LedgerTransaction): Promise<LedgerDebitOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ transaction, resolve, reject });
      this.startWriter();
    });
  }

  private startWriter(): void {
    if (this.scheduled || this.inFlight >= this.writers) return;
    this.scheduled = true;
    // After the microtasks already queued: when a batch ends, every caller it resumes is queued
    // before the first of them makes its next debit, so their next debits go together instead of
    // the first alone. Not a timer or setImmediate, which a caller awaiting in a loop can starve.
    queueMicrotask(() => {
      this.scheduled = false;
      void this.writeWaiting();
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
