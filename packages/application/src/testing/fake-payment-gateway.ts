import { err, ok, type PaymentGatewayName, type Result, type Rial } from "@peykarband/domain";
import type {
  GatewayFailure,
  GatewaySession,
  PaymentGateway,
  PaymentInquiry,
  PaymentRequest,
  PaymentVerification,
  VerifyRequest,
} from "../ports/payment-gateway.ts";

/**
 * How the fake answers a call: normally; UNAVAILABLE (down); TIMEOUT after `slowMs` (what an
 * adapter's deadline turns a slow gateway into); INVALID_RESPONSE (garbage); REJECTED (an error code).
 */
export type FakeGatewayMode = "OK" | "DOWN" | "SLOW" | "GARBAGE" | "REJECTED";

interface FakeSession {
  readonly authority: string;
  readonly orderId: string;
  readonly amount: Rial;
  state: "OPEN" | "PAID" | "CANCELLED";
  verified: boolean;
  referenceId: string | null;
}

/**
 * A payment gateway in memory, with the payer's side as methods (`pay`, `cancel`) and fault knobs.
 * Its verify behaves like the real ones: the first verify of a paid session answers PAID, every
 * later one ALREADY_VERIFIED; an unpaid or unknown session is NOT_PAID; another amount is refused.
 */
export class FakePaymentGateway implements PaymentGateway {
  requestMode: FakeGatewayMode = "OK";
  verifyMode: FakeGatewayMode = "OK";
  inquiryMode: FakeGatewayMode = "OK";
  /** Answer ALREADY_VERIFIED even to the first verify of a paid session (verified by a crashed run). */
  alreadyVerified = false;
  /** Report this amount on verify instead of the session's. */
  reportedAmount: Rial | null = null;
  slowMs = 5;
  readonly sessions = new Map<string, FakeSession>();
  readonly calls = { request: 0, verify: 0, inquiry: 0 };
  readonly inquiry?: (request: {
    authority: string;
    orderId: string;
  }) => Promise<Result<PaymentInquiry, GatewayFailure>>;
  private count = 0;

  constructor(
    readonly name: PaymentGatewayName,
    options: { inquiry?: boolean } = {},
  ) {
    if (options.inquiry) this.inquiry = (request) => this.inquire(request);
  }

  async requestPayment(request: PaymentRequest): Promise<Result<GatewaySession, GatewayFailure>> {
    this.calls.request++;
    const fault = await this.fault(this.requestMode);
    if (fault) return err(fault);
    const authority = this.nextAuthority();
    this.sessions.set(authority, {
      authority,
      orderId: request.orderId,
      amount: request.amount,
      state: "OPEN",
      verified: false,
      referenceId: null,
    });
    return ok({ authority, redirectUrl: this.pageUrl(authority) });
  }

  async verify(request: VerifyRequest): Promise<Result<PaymentVerification, GatewayFailure>> {
    this.calls.verify++;
    const fault = await this.fault(this.verifyMode);
    if (fault) return err(fault);
    const session = this.sessions.get(request.authority);
    if (!session || session.orderId !== request.orderId || session.state !== "PAID") {
      return ok({ status: "NOT_PAID" });
    }
    if (!session.amount.equals(request.amount)) {
      return err({ kind: "REJECTED", code: "-50", message: "amounts values is not the same" });
    }
    const referenceId = session.referenceId!;
    const amount = this.reportedAmount ?? session.amount;
    if (session.verified || this.alreadyVerified) {
      session.verified = true;
      return ok({ status: "ALREADY_VERIFIED", referenceId, amount });
    }
    session.verified = true;
    return ok({ status: "PAID", referenceId, amount });
  }

  /** The payer pays on the gateway's page. */
  pay(authority: string): void {
    const session = this.session(authority);
    session.state = "PAID";
    session.referenceId = String(100_000 + this.count++);
  }

  /** The payer presses cancel on the gateway's page. */
  cancel(authority: string): void {
    this.session(authority).state = "CANCELLED";
  }

  private async inquire(request: {
    authority: string;
    orderId: string;
  }): Promise<Result<PaymentInquiry, GatewayFailure>> {
    this.calls.inquiry++;
    const fault = await this.fault(this.inquiryMode);
    if (fault) return err(fault);
    const session = this.sessions.get(request.authority);
    if (!session || session.orderId !== request.orderId) return ok({ status: "NOT_PAID" });
    if (session.state === "OPEN") return ok({ status: "IN_PROGRESS" });
    return ok({ status: session.state === "PAID" ? "PAID" : "NOT_PAID" });
  }

  private async fault(mode: FakeGatewayMode): Promise<GatewayFailure | null> {
    await new Promise((resolve) => setTimeout(resolve, mode === "SLOW" ? this.slowMs : 0));
    switch (mode) {
      case "OK":
        return null;
      case "DOWN":
        return { kind: "UNAVAILABLE", code: null, message: "connect ECONNREFUSED" };
      case "SLOW":
        return { kind: "TIMEOUT", code: null, message: `no answer within ${this.slowMs} ms` };
      case "GARBAGE":
        return { kind: "INVALID_RESPONSE", code: null, message: "<html>502 Bad Gateway</html>" };
      case "REJECTED":
        return { kind: "REJECTED", code: "-10", message: "Terminal is not valid" };
    }
  }

  private session(authority: string): FakeSession {
    const session = this.sessions.get(authority);
    if (!session) throw new Error(`the fake ${this.name} has no session ${authority}`);
    return session;
  }

  private nextAuthority(): string {
    const n = String(++this.count);
    return this.name === "ZARINPAL" ? `S${n.padStart(35, "0")}` : n.padStart(32, "0");
  }

  private pageUrl(authority: string): string {
    return this.name === "ZARINPAL"
      ? `https://sandbox.zarinpal.com/pg/StartPay/${authority}`
      : `https://idpay.ir/p/ws-sandbox/${authority}`;
  }
}
