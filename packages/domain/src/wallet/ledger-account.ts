import { isPaymentGatewayName, type PaymentGatewayName } from "../payment/payment-gateway-name.ts";

export const LEDGER_ACCOUNT_KINDS = [
  /** What a customer may spend: one per user. */
  "CUSTOMER_WALLET",
  /** Money a gateway has taken from payers and owes us until it settles: one per gateway. */
  "GATEWAY_CLEARING",
  /** What we earned by charging wallets. */
  "REVENUE",
  /** VAT collected for the tax office. */
  "VAT_PAYABLE",
  /** The other side of hand-made corrections by staff. */
  "ADJUSTMENTS",
] as const;
export type LedgerAccountKind = (typeof LEDGER_ACCOUNT_KINDS)[number];

export type LedgerAccount =
  | { readonly kind: "CUSTOMER_WALLET"; readonly userId: string }
  | { readonly kind: "GATEWAY_CLEARING"; readonly gateway: PaymentGatewayName }
  | { readonly kind: "REVENUE" }
  | { readonly kind: "VAT_PAYABLE" }
  | { readonly kind: "ADJUSTMENTS" };

export const LedgerAccounts = {
  wallet: (userId: string): LedgerAccount => ({ kind: "CUSTOMER_WALLET", userId }),
  clearing: (gateway: PaymentGatewayName): LedgerAccount => ({ kind: "GATEWAY_CLEARING", gateway }),
  revenue: { kind: "REVENUE" } as LedgerAccount,
  vatPayable: { kind: "VAT_PAYABLE" } as LedgerAccount,
  adjustments: { kind: "ADJUSTMENTS" } as LedgerAccount,
} as const;

/**
 * A stable text key per account ("wallet:<userId>", "clearing:ZARINPAL", "revenue", …): what an
 * adapter stores in one column and what maps and unique indexes are keyed by.
 */
export function ledgerAccountKey(account: LedgerAccount): string {
  switch (account.kind) {
    case "CUSTOMER_WALLET":
      return `wallet:${account.userId}`;
    case "GATEWAY_CLEARING":
      return `clearing:${account.gateway}`;
    case "REVENUE":
      return "revenue";
    case "VAT_PAYABLE":
      return "vat-payable";
    case "ADJUSTMENTS":
      return "adjustments";
  }
}

/** The inverse of `ledgerAccountKey`; null for anything it did not produce. */
export function parseLedgerAccountKey(key: string): LedgerAccount | null {
  if (key.startsWith("wallet:") && key.length > "wallet:".length) {
    return LedgerAccounts.wallet(key.slice("wallet:".length));
  }
  if (key.startsWith("clearing:")) {
    const gateway = key.slice("clearing:".length);
    return isPaymentGatewayName(gateway) ? LedgerAccounts.clearing(gateway) : null;
  }
  if (key === "revenue") return LedgerAccounts.revenue;
  if (key === "vat-payable") return LedgerAccounts.vatPayable;
  if (key === "adjustments") return LedgerAccounts.adjustments;
  return null;
}

/** The user whose wallet this is, or null for the business's own accounts. */
export const walletOwner = (account: LedgerAccount): string | null =>
  account.kind === "CUSTOMER_WALLET" ? account.userId : null;
