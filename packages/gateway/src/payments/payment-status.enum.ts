import { PAYMENT_STATUSES, type PaymentStatus } from "@peykarband/domain";
import { registerEnumType } from "type-graphql";

const DESCRIPTIONS: Readonly<Record<PaymentStatus, string>> = {
  PENDING:
    "Waiting for the payer or for the gateway's confirmation. Reconciliation settles payments left here.",
  PAID: "Verified with the gateway server to server and credited to the wallet, once. Final.",
  FAILED:
    "Not paid: the gateway refused, was unreachable when the top-up started, reported another amount, or the session ended unpaid. Becomes PAID only if the gateway confirms a payment within the hour after.",
  CANCELLED:
    "The payer cancelled on the gateway's page. Becomes PAID only if the gateway confirms a payment within the hour after.",
};

export const PaymentStatusEnum = Object.fromEntries(PAYMENT_STATUSES.map((s) => [s, s])) as Record<
  PaymentStatus,
  PaymentStatus
>;

registerEnumType(PaymentStatusEnum, {
  name: "PaymentStatus",
  description:
    "Where a payment is: PENDING, then one of PAID, FAILED or CANCELLED; a recent FAILED or CANCELLED one may still become PAID.",
  valuesConfig: Object.fromEntries(PAYMENT_STATUSES.map((s) => [s, { description: DESCRIPTIONS[s] }])),
});
