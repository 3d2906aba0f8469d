import type { ApiScope } from "@peykarband/sdk";

/** What an API key may do, in the order the form offers it. */
export const SCOPES: readonly { readonly scope: ApiScope; readonly label: string }[] = [
  { scope: "SERVERS_READ", label: "خواندن سرورها و کلیدهای SSH" },
  { scope: "SERVERS_WRITE", label: "سفارش و مدیریت سرورها" },
  { scope: "BILLING_READ", label: "خواندن کیف پول و پرداخت‌ها" },
  { scope: "BILLING_WRITE", label: "افزایش موجودی" },
];

export const scopeLabel = (scope: ApiScope): string =>
  SCOPES.find((known) => known.scope === scope)?.label ?? scope;
