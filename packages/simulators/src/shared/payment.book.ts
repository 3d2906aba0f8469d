/** Read access to a simulator's payments, for tests: copies, so a test cannot change the gateway's mind. */
export interface PaymentLog<Payment> {
  get(key: string): Payment | undefined;
  list(): Payment[];
}

/** In-memory payments of one simulator instance, keyed by the gateway's own id. */
export class PaymentBook<Payment extends object> implements PaymentLog<Payment> {
  private readonly payments = new Map<string, Payment>();

  add(key: string, payment: Payment): void {
    this.payments.set(key, payment);
  }

  /** The live record, for the simulator's own handlers. */
  find(key: string): Payment | undefined {
    return this.payments.get(key);
  }

  get(key: string): Payment | undefined {
    const payment = this.payments.get(key);
    return payment && structuredClone(payment);
  }

  list(): Payment[] {
    return [...this.payments.values()].map((p) => structuredClone(p));
  }
}
