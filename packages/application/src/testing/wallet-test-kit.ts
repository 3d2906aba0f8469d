import { adminAdjustmentTransaction, domainError, Email, err, ok, Rial, type Role } from "@peykarband/domain";
import type { StepUp, StepUpErrorCode } from "../accounts/step-up.ts";
import type { RequestContext } from "../shared/request-context.ts";
import type { WalletDeps } from "../wallet/wallet-deps.ts";
import { defaultWalletPolicy, type WalletPolicy } from "../wallet/wallet-policy.ts";
import { createWalletUseCases } from "../wallet/wallet-use-cases.ts";
import { assertLedgerBalanced } from "./assert-ledger-balanced.ts";
import { anonymous, signedIn } from "./account-test-kit.ts";
import { ManualClock, sequentialIds } from "./fake-crypto.ts";
import { FakePaymentGateway } from "./fake-payment-gateway.ts";
import { InMemoryPayments } from "./in-memory-payments.ts";
import { InMemoryAuditLog, InMemoryThrottle } from "./in-memory-security.ts";
import { InMemoryUsers } from "./in-memory-users.ts";
import { InMemoryWalletLedger } from "./in-memory-wallet-ledger.ts";

const liveLedgers: InMemoryWalletLedger[] = [];

/** Wallet and payment use cases over in-memory ports, with handles on each fake for assertions. */
export function walletTestKit(policy: Partial<WalletPolicy> = {}) {
  const clock = new ManualClock();
  const ids = sequentialIds();
  const ledger = new InMemoryWalletLedger();
  const fakes = {
    clock,
    ledger,
    payments: new InMemoryPayments(ledger),
    zarinpal: new FakePaymentGateway("ZARINPAL"),
    idpay: new FakePaymentGateway("IDPAY", { inquiry: true }),
    users: new InMemoryUsers(),
    audit: new InMemoryAuditLog(),
    throttle: new InMemoryThrottle(clock),
  };
  /** What the step-up answers: a fresh second factor, unless a test refuses it. */
  let stepUpRefusal: StepUpErrorCode | null = null;
  const stepUp: StepUp = async (ctx) => {
    if (stepUpRefusal) return err(domainError(stepUpRefusal, "Step-up refused by the test.", ["totpCode"]));
    const user = await fakes.users.findById(ctx.viewer!.userId);
    return user ? ok(user) : err(domainError("SECOND_FACTOR_REQUIRED", "No such user."));
  };
  const refuseStepUp = (code: StepUpErrorCode | null) => {
    stepUpRefusal = code;
  };
  const deps: WalletDeps = {
    ...fakes,
    stepUp,
    gateways: { ZARINPAL: fakes.zarinpal, IDPAY: fakes.idpay },
    ids,
    policy: { ...defaultWalletPolicy, ...policy },
  };
  liveLedgers.push(ledger);

  /** A stored user and a signed-in context for them. */
  async function user(role: Role = "CUSTOMER"): Promise<{ id: string; ctx: RequestContext }> {
    const id = ids.newId();
    const email = Email.parse(`${role.toLowerCase()}-${id.slice(-6)}@example.com`);
    if (!email.ok) throw new Error("bad test email");
    await fakes.users.create({
      id,
      email: email.value,
      phone: null,
      role,
      passwordHash: "unused",
      createdAt: clock.now(),
    });
    return { id, ctx: signedIn({ userId: id, role, sessionId: `session-${id}` }) };
  }

  /** Puts money in a wallet through the ledger, balanced against ADJUSTMENTS, with no use case. */
  async function fund(userId: string, amount: bigint): Promise<void> {
    const tx = adminAdjustmentTransaction({
      id: ids.newId(),
      userId,
      amount: Rial.of(amount),
      reference: `test-fund:${ids.newId()}`,
      reason: "test funding",
      at: clock.now(),
    });
    if (!tx.ok) throw new Error(tx.error.message);
    await ledger.post(tx.value);
  }

  return { ...fakes, deps, useCases: createWalletUseCases(deps), user, fund, refuseStepUp };
}

/** A context with no viewer, as the worker's jobs and the callback route use. */
export const systemContext = (): RequestContext => ({ ...anonymous(), requestId: "job-test", viewer: null });

/** For `afterEach`: every ledger a kit made in this file still balances. */
export function assertKitLedgersBalanced(): void {
  for (const ledger of liveLedgers.splice(0)) assertLedgerBalanced(ledger);
}
