import { topUpReference, type LedgerEntry, type LedgerTransactionKind, type Rial } from "@peykarband/domain";
import { Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../schema/scalars/date-time.scalar.ts";
import { RialScalar } from "../schema/scalars/rial.scalar.ts";
import { LedgerEntryKindEnum } from "./ledger-entry-kind.enum.ts";
import { ledgerEntrySubject, type LedgerEntrySubject } from "./ledger-entry-subject.ts";

const TOP_UP_PREFIX = topUpReference("");

/**
 * Not a Node: an entry is a line of its wallet's statement, read through `Wallet.entries`, and is
 * never fetched alone. Its id is opaque and stable all the same, for client caches.
 */
@ObjectType("LedgerEntry", {
  description:
    "One line of a wallet's statement: a movement of the double-entry ledger as it touched this wallet. Never changed or deleted; corrections are new entries.",
})
export class LedgerEntryType {
  @Field(() => ID, { description: "Opaque, stable id of this entry." })
  id!: string;

  @Field(() => RialScalar, {
    description:
      'Signed rials: positive added money to the wallet ("5000000"), negative took it ("-250000").',
  })
  amount!: Rial;

  @Field(() => LedgerEntryKindEnum, { description: "Why the balance moved." })
  kind!: LedgerTransactionKind;

  @Field(() => String, {
    description: "What the statement shows for it, such as the gateway and bank reference.",
  })
  reason!: string;

  @Field(() => DateTimeScalar, { description: "When it was posted." })
  createdAt!: Date;

  /** For the `payment` field resolver; not exposed. */
  paymentId!: string | null;
  /** For the `description` field resolver; not exposed. */
  subject!: LedgerEntrySubject | null;
  /** The store's key, for the cursor. */
  key!: string;

  static from(entry: LedgerEntry): LedgerEntryType {
    return Object.assign(new LedgerEntryType(), {
      id: Buffer.from(`LedgerEntry:${entry.id}`).toString("base64url"),
      amount: entry.amount,
      kind: entry.kind,
      reason: entry.reason,
      createdAt: entry.createdAt,
      paymentId:
        entry.kind === "TOP_UP" && entry.reference.startsWith(TOP_UP_PREFIX)
          ? entry.reference.slice(TOP_UP_PREFIX.length)
          : null,
      subject: ledgerEntrySubject(entry.reference),
      key: entry.id,
    });
  }
}
