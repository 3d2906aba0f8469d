import {
  attachAuthority,
  topUpReference,
  transitionPayment,
  type Payment,
  type PaymentGatewayName,
  type PaymentOutcome,
} from "@peykarband/domain";
import type {
  PaymentCursor,
  PaymentRepository,
  PaymentSettlement,
  SettleOutcome,
} from "../ports/payment.repository.ts";
import type { KeysetPageQuery } from "../ports/keyset-page.ts";
import { keysetPage } from "./in-memory-keyset-page.ts";
import { roundTrip, type InMemoryWalletLedger } from "./in-memory-wallet-ledger.ts";

/**
 * Payments in memory, sharing one "database" with the in-memory ledger: `settle` marks the payment
 * and posts its credit in one synchronous step, as the real adapter does in one transaction.
 */
export class InMemoryPayments implements PaymentRepository {
  readonly rows = new Map<string, Payment>();
  /** Throw instead of committing the next N settles, as a process killed before its commit would. */
  crashNextSettles = 0;

  constructor(private readonly ledger: InMemoryWalletLedger) {}

  async create(payment: Payment) {
    await roundTrip();
    const existing = [...this.rows.values()].find(
      (p) => p.userId === payment.userId && p.idempotencyKey === payment.idempotencyKey,
    );
    if (existing) return { created: false as const, existing };
    this.rows.set(payment.id, payment);
    return { created: true as const, payment };
  }

  async attachAuthority(paymentId: string, session: { authority: string; redirectUrl: string }) {
    await roundTrip();
    const payment = this.rows.get(paymentId);
    if (!payment) return null;
    const taken = [...this.rows.values()].some(
      (p) => p.gateway === payment.gateway && p.authority === session.authority,
    );
    const attached = attachAuthority(payment, session);
    if (taken || !attached.ok) return null;
    this.rows.set(paymentId, attached.value);
    return attached.value;
  }

  async findById(id: string) {
    await roundTrip();
    return this.rows.get(id) ?? null;
  }

  async findByGatewayReference(gateway: PaymentGatewayName, authority: string) {
    await roundTrip();
    return [...this.rows.values()].find((p) => p.gateway === gateway && p.authority === authority) ?? null;
  }

  async settle(paymentId: string, settlement: PaymentSettlement): Promise<SettleOutcome> {
    await roundTrip();
    if (settlement.status === "PAID") requireOwnCredit(paymentId, settlement.transaction.reference);
    if (this.crashNextSettles > 0) {
      this.crashNextSettles--;
      throw new Error("simulated crash before commit");
    }
    const payment = this.rows.get(paymentId);
    if (!payment) throw new Error(`no payment ${paymentId}`);
    const next = transitionPayment(payment, toOutcome(settlement));
    if (!next.ok) return { payment, settled: false };
    if (settlement.status === "PAID") {
      const posted = this.ledger.write(settlement.transaction, false);
      // The real store's unique reference index would abort the transaction here.
      if (posted.status !== "POSTED") throw new Error(`credit for ${paymentId} already posted`);
    }
    this.rows.set(paymentId, next.value);
    return { payment: next.value, settled: true };
  }

  async settleLatePayment(
    paymentId: string,
    settlement: Extract<PaymentSettlement, { status: "PAID" }>,
  ): Promise<SettleOutcome> {
    await roundTrip();
    requireOwnCredit(paymentId, settlement.transaction.reference);
    const payment = this.rows.get(paymentId);
    if (!payment) throw new Error(`no payment ${paymentId}`);
    if (payment.status !== "FAILED" && payment.status !== "CANCELLED") return { payment, settled: false };
    const posted = this.ledger.write(settlement.transaction, false);
    if (posted.status !== "POSTED") throw new Error(`credit for ${paymentId} already posted`);
    const paid: Payment = {
      ...payment,
      status: "PAID",
      referenceId: settlement.referenceId,
      failureReason: null,
      paidAt: settlement.at,
      closedAt: settlement.at,
    };
    this.rows.set(paymentId, paid);
    return { payment: paid, settled: true };
  }

  async listByUser(query: { userId: string | null } & KeysetPageQuery<PaymentCursor>) {
    await roundTrip();
    const { items, hasMore } = keysetPage(this.ofUser(query.userId).sort(newestFirst), query, newestFirst);
    return { payments: items, hasMore };
  }

  async countByUser(userId: string | null) {
    await roundTrip();
    return this.ofUser(userId).length;
  }

  private ofUser(userId: string | null): Payment[] {
    return [...this.rows.values()].filter((p) => userId === null || p.userId === userId);
  }

  async listPending(query: { createdBefore: Date; limit: number }) {
    await roundTrip();
    return [...this.rows.values()]
      .filter((p) => p.status === "PENDING" && p.createdAt < query.createdBefore)
      .sort((a, b) => -newestFirst(a, b))
      .slice(0, query.limit);
  }

  async listRecentlyUnpaid(query: { createdAfter: Date; exceptReasons: readonly string[]; limit: number }) {
    await roundTrip();
    return [...this.rows.values()]
      .filter(
        (p) =>
          (p.status === "FAILED" || p.status === "CANCELLED") &&
          p.authority !== null &&
          p.createdAt >= query.createdAfter &&
          !query.exceptReasons.includes(p.failureReason ?? ""),
      )
      .sort((a, b) => -newestFirst(a, b))
      .slice(0, query.limit);
  }
}

/** The reference ties the credit to the payment: with its uniqueness, a payment credits once. */
function requireOwnCredit(paymentId: string, reference: string): void {
  if (reference !== topUpReference(paymentId)) {
    throw new Error(`payment ${paymentId} settled with the credit of ${reference}`);
  }
}

function toOutcome(settlement: PaymentSettlement): PaymentOutcome {
  switch (settlement.status) {
    case "PAID":
      return { status: "PAID", referenceId: settlement.referenceId, at: settlement.at };
    case "FAILED":
      return { status: "FAILED", reason: settlement.reason, at: settlement.at };
    case "CANCELLED":
      return { status: "CANCELLED", at: settlement.at };
  }
}

function newestFirst(a: PaymentCursor, b: PaymentCursor): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  return byTime !== 0 ? byTime : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
