import { LEDGER_TRANSACTION_KINDS, type LedgerTransactionKind } from "@peykarband/domain";
import { registerEnumType } from "type-graphql";

const DESCRIPTIONS: Readonly<Record<LedgerTransactionKind, string>> = {
  TOP_UP: "A verified gateway payment credited the wallet.",
  DEBIT: "A charge for a service (a server order's prepaid first hour).",
  REFUND: "Money given back for an earlier charge.",
  ADMIN_CREDIT: "Staff added money by hand, with a reason.",
  ADMIN_DEBIT: "Staff took money by hand, with a reason.",
  REVERSAL: "Undoes an earlier entry; entries are never edited or deleted.",
  USAGE:
    "A server's metered usage, settled hourly and at each state change; may take the wallet below zero. Negative amounts on the business side; a positive one on the wallet returns an unused prepayment.",
  VAT: "The VAT (VAT_RATE_PERCENT) on a usage posting, collected with it for the tax office; may take the wallet below zero.",
  RESELLER_TRANSFER: "A reseller moved money from its wallet to its customer's.",
  RESELLER_MARGIN: "A reseller's markup on its customer's usage, paid to the reseller's wallet.",
};

export const LedgerEntryKindEnum = Object.fromEntries(LEDGER_TRANSACTION_KINDS.map((k) => [k, k])) as Record<
  LedgerTransactionKind,
  LedgerTransactionKind
>;

registerEnumType(LedgerEntryKindEnum, {
  name: "LedgerEntryKind",
  description: "Why a wallet's balance moved.",
  valuesConfig: Object.fromEntries(
    LEDGER_TRANSACTION_KINDS.map((k) => [k, { description: DESCRIPTIONS[k] }]),
  ),
});
