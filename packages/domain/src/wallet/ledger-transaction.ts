import { Rial } from "../money/rial.ts";
import { domainError, type DomainError } from "../shared/domain-error.ts";
import { err, ok, type Result } from "../shared/result.ts";
import { ledgerAccountKey, type LedgerAccount } from "./ledger-account.ts";

export const LEDGER_TRANSACTION_KINDS = [
  /** A paid gateway payment credits a wallet. */
  "TOP_UP",
  /** Another capability (server orders, billing) charges a wallet. */
  "DEBIT",
  /** Money goes back to a wallet for something charged before. */
  "REFUND",
  /** Staff credit a wallet by hand. */
  "ADMIN_CREDIT",
  /** Staff take money from a wallet by hand. */
  "ADMIN_DEBIT",
  /** Undoes an earlier transaction with the opposite entries (entries are never edited). */
  "REVERSAL",
  /**
   * A server's metered usage (docs/billing.md): the only posting that may take a wallet below
   * zero, since the server ran whether or not the wallet covered it.
   */
  "USAGE",
  /**
   * The VAT on a usage posting, from the wallet to VAT payable: one per usage posting, written with
   * it and, like it, without the overdraft guard.
   */
  "VAT",
  /** A RESELLER moves money from its wallet to one of its customers' wallets. */
  "RESELLER_TRANSFER",
  /**
   * A reseller's share of its customer's usage: the markup over our price, from our revenue to the
   * reseller's wallet, written in the same settlement as the usage it comes from.
   */
  "RESELLER_MARGIN",
] as const;
export type LedgerTransactionKind = (typeof LEDGER_TRANSACTION_KINDS)[number];

/**
 * One line of a transaction. Signs, not debit/credit columns: every transaction sums to zero, and a
 * positive amount on a customer wallet is money the customer may spend, so a wallet's balance is
 * the plain sum of its entries. The business's accounts carry the mirror image (a gateway clearing
 * account goes negative by what the gateway owes us).
 */
export interface LedgerLine {
  readonly account: LedgerAccount;
  readonly amount: Rial;
}

/** A stored line, as a wallet's history shows it. Entries are never updated or deleted. */
export interface LedgerEntry extends LedgerLine {
  /** Assigned by the store; with `createdAt` it is the keyset cursor of entry pages. */
  readonly id: string;
  readonly transactionId: string;
  readonly kind: LedgerTransactionKind;
  readonly reference: string;
  readonly reason: string;
  readonly createdAt: Date;
}

export const LEDGER_TRANSACTION_ERROR_CODES = [
  "TOO_FEW_ENTRIES",
  "ZERO_ENTRY",
  "UNBALANCED_TRANSACTION",
  "INVALID_REFERENCE",
  "INVALID_REASON",
] as const;
export type LedgerTransactionErrorCode = (typeof LEDGER_TRANSACTION_ERROR_CODES)[number];

export const MAX_REFERENCE_LENGTH = 200;
export const MAX_REASON_LENGTH = 500;

export interface NewLedgerTransaction {
  readonly id: string;
  readonly kind: LedgerTransactionKind;
  /** Unique across the ledger: posting the same reference twice posts once. */
  readonly reference: string;
  /** Why the money moved, for the customer's statement and the accountant. */
  readonly reason: string;
  readonly entries: readonly LedgerLine[];
  readonly createdAt: Date;
}

// Printable text only: references and reasons end up in statements, logs and unique indexes.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A balanced set of entries posted together. The only way to get one is `create`, which refuses
 * anything that does not sum to zero, so an unbalanced transaction cannot exist in memory, let
 * alone reach a store. Immutable: a correction is a new transaction (kind REVERSAL or ADMIN_*).
 */
export class LedgerTransaction {
  readonly entries: readonly LedgerLine[];

  private constructor(
    readonly id: string,
    readonly kind: LedgerTransactionKind,
    readonly reference: string,
    readonly reason: string,
    entries: readonly LedgerLine[],
    readonly createdAt: Date,
  ) {
    this.entries = Object.freeze(entries.map((e) => Object.freeze({ account: e.account, amount: e.amount })));
    Object.freeze(this);
  }

  static create(
    input: NewLedgerTransaction,
  ): Result<LedgerTransaction, DomainError<LedgerTransactionErrorCode>> {
    const reference = input.reference.trim();
    if (!reference || reference.length > MAX_REFERENCE_LENGTH || CONTROL.test(reference)) {
      return err(
        domainError(
          "INVALID_REFERENCE",
          `A reference is 1 to ${MAX_REFERENCE_LENGTH} printable characters.`,
          ["reference"],
        ),
      );
    }
    const reason = input.reason.trim();
    if (!reason || reason.length > MAX_REASON_LENGTH || CONTROL.test(reason)) {
      return err(
        domainError("INVALID_REASON", `A reason is 1 to ${MAX_REASON_LENGTH} printable characters.`, [
          "reason",
        ]),
      );
    }
    if (input.entries.length < 2) {
      return err(domainError("TOO_FEW_ENTRIES", "A transaction has at least two entries."));
    }
    if (input.entries.some((e) => e.amount.equals(Rial.zero))) {
      return err(domainError("ZERO_ENTRY", "An entry of zero rials moves nothing."));
    }
    // Raw bigint: the sum of in-range amounts may itself be out of range, and must still be exact.
    const sum = input.entries.reduce((total, e) => total + e.amount.amount, 0n);
    if (sum !== 0n) {
      return err(domainError("UNBALANCED_TRANSACTION", `The entries sum to ${sum} rials instead of zero.`));
    }
    return ok(
      new LedgerTransaction(
        input.id,
        input.kind,
        reference,
        reason,
        input.entries,
        new Date(input.createdAt.getTime()),
      ),
    );
  }

  /** The net change of each customer wallet the transaction touches, keyed by user id. */
  walletChanges(): ReadonlyMap<string, Rial> {
    const changes = new Map<string, bigint>();
    for (const { account, amount } of this.entries) {
      if (account.kind === "CUSTOMER_WALLET") {
        changes.set(account.userId, (changes.get(account.userId) ?? 0n) + amount.amount);
      }
    }
    return new Map([...changes].map(([userId, amount]) => [userId, Rial.of(amount)]));
  }

  /** The same movement, as stored lines; `entryId` numbers them for the store. */
  toEntries(entryId: (line: number) => string): LedgerEntry[] {
    return this.entries.map((line, index) => ({
      id: entryId(index),
      transactionId: this.id,
      kind: this.kind,
      reference: this.reference,
      reason: this.reason,
      account: line.account,
      amount: line.amount,
      createdAt: this.createdAt,
    }));
  }

  /** Same movement (kind, accounts and amounts, in any order): a repeated request, not a new one. */
  sameMovementAs(other: LedgerTransaction): boolean {
    const key = (t: LedgerTransaction) =>
      t.entries
        .map((e) => `${ledgerAccountKey(e.account)}=${e.amount.toString()}`)
        .sort()
        .join(";");
    return this.kind === other.kind && key(this) === key(other);
  }
}
