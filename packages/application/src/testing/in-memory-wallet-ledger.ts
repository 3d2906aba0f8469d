import { Rial, type LedgerEntry, type LedgerSnapshot, type LedgerTransaction } from "@peykarband/domain";
import type {
  LedgerDebitOutcome,
  LedgerEntryCursor,
  LedgerPostOutcome,
  WalletLedger,
} from "../ports/wallet-ledger.ts";
import type { KeysetPageQuery } from "../ports/keyset-page.ts";
import { keysetPage } from "./in-memory-keyset-page.ts";

/**
 * Lets other work run, as a database round trip would, so concurrent calls really interleave.
 * The jitter shuffles their order.
 */
export const roundTrip = (): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3)));

/**
 * An honest in-memory ledger: every await happens before the check, and each check and its write
 * happen in one synchronous step, as one database transaction with a conditional UPDATE would.
 * It keeps a balance per wallet beside the entries, like the real store, so the ledger check has
 * something to compare.
 */
export class InMemoryWalletLedger implements WalletLedger {
  readonly transactions = new Map<string, LedgerTransaction>();
  readonly rows: LedgerEntry[] = [];
  readonly balances = new Map<string, bigint>();
  /** The lowest balance any wallet ever had after a write: an overdraft shows up here. */
  lowestBalanceSeen = 0n;
  private entryCount = 0;

  async post(transaction: LedgerTransaction): Promise<LedgerPostOutcome> {
    await roundTrip();
    return this.write(transaction, false) as LedgerPostOutcome;
  }

  async debit(transaction: LedgerTransaction): Promise<LedgerDebitOutcome> {
    await roundTrip();
    return this.write(transaction, true);
  }

  async balance(userId: string) {
    await roundTrip();
    return Rial.of(this.balances.get(userId) ?? 0n);
  }

  async entries(query: { userId: string } & KeysetPageQuery<LedgerEntryCursor>) {
    await roundTrip();
    const { items, hasMore } = keysetPage(this.walletOf(query.userId).sort(newestFirst), query, newestFirst);
    return { entries: items, hasMore };
  }

  async countEntries(userId: string) {
    await roundTrip();
    return this.walletOf(userId).length;
  }

  private walletOf(userId: string) {
    return this.rows.filter((e) => e.account.kind === "CUSTOMER_WALLET" && e.account.userId === userId);
  }

  async findByReference(reference: string) {
    await roundTrip();
    return this.transactions.get(reference) ?? null;
  }

  /**
   * Check and write, with no await in between. `guarded` refuses a write that takes a wallet
   * below zero. Also used by the in-memory payments inside their own single step.
   */
  write(transaction: LedgerTransaction, guarded: boolean): LedgerDebitOutcome {
    const earlier = this.transactions.get(transaction.reference);
    if (earlier) return { status: "DUPLICATE", transaction: earlier };
    const changes = transaction.walletChanges();
    if (guarded) {
      for (const [userId, change] of changes) {
        const balance = this.balances.get(userId) ?? 0n;
        if (change.isNegative() && balance + change.amount < 0n) {
          return { status: "INSUFFICIENT_FUNDS", userId, balance: Rial.of(balance) };
        }
      }
    }
    this.transactions.set(transaction.reference, transaction);
    this.rows.push(...transaction.toEntries(() => String(++this.entryCount).padStart(12, "0")));
    for (const [userId, change] of changes) {
      const balance = (this.balances.get(userId) ?? 0n) + change.amount;
      this.balances.set(userId, balance);
      if (balance < this.lowestBalanceSeen) this.lowestBalanceSeen = balance;
    }
    return { status: "POSTED", transaction };
  }

  snapshot(): LedgerSnapshot {
    return {
      entries: [...this.rows],
      walletBalances: new Map([...this.balances].map(([userId, b]) => [userId, Rial.of(b)])),
    };
  }
}

/** Newest first: by time, then by id. Negative when `a` comes before `b`. */
function newestFirst(a: LedgerEntryCursor, b: LedgerEntryCursor): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  return byTime !== 0 ? byTime : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
