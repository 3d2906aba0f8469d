import {
  domainError,
  err,
  newPayment,
  ok,
  parseTopUpAmount,
  type DomainError,
  type Payment,
  type PaymentGatewayName,
  type Result,
} from "@peykarband/domain";
import { requireViewer } from "../shared/access-denied.error.ts";
import type { RequestContext } from "../shared/request-context.ts";
import { parseIdempotencyKey } from "../wallet/idempotency-key.ts";
import type { WalletDeps } from "../wallet/wallet-deps.ts";
import type { StartTopUpErrorCode } from "../wallet/wallet-errors.ts";

export interface StartTopUpInput {
  /** Whole rials as a decimal string, as the `Rial` scalar carries it. */
  readonly amount: string;
  readonly gateway: PaymentGatewayName;
  readonly idempotencyKey: string;
}

export interface TopUpStarted {
  readonly payment: Payment;
  /** The gateway's payment page: send the browser there. */
  readonly redirectUrl: string;
}

/** TOO_MANY_TOP_UPS says when to come back, as an HTTP Retry-After would. */
export interface TopUpsThrottled extends DomainError<"TOO_MANY_TOP_UPS"> {
  readonly retryAfterSeconds: number;
}

export type StartTopUpError = DomainError<Exclude<StartTopUpErrorCode, "TOO_MANY_TOP_UPS">> | TopUpsThrottled;

type StartTopUpResult = Result<TopUpStarted, StartTopUpError>;

const topUpThrottleKey = (userId: string) => `top-up:user:${userId}`;

const unavailable = (): StartTopUpResult =>
  err(
    domainError(
      "GATEWAY_UNAVAILABLE",
      "The payment gateway is not answering. Nothing was charged; try again, or use the other gateway.",
      ["gateway"],
    ),
  );

/**
 * Opens a top-up: a PENDING payment, then a session at the gateway, whose page the payer goes to.
 *
 * If the gateway fails (down, too slow, garbage, a refusal) the payment becomes FAILED at once,
 * not left PENDING: the payer never got a payment page, so no money can arrive for it, and there
 * is no authority reconciliation could ask about. Even when a timed-out request did open a session
 * at the gateway, nobody knows its authority, so it cannot be paid. A crash between the insert and
 * the gateway's answer leaves a PENDING payment without authority, which reconciliation fails.
 */
export async function startTopUp(
  deps: WalletDeps,
  input: StartTopUpInput,
  ctx: RequestContext,
): Promise<StartTopUpResult> {
  const viewer = requireViewer(ctx);
  const key = parseIdempotencyKey(input.idempotencyKey);
  if (!key.ok) return key;
  const amount = parseTopUpAmount(input.amount, input.gateway, deps.policy.topUpCeiling);
  if (!amount.ok) return amount;
  const gateway = deps.gateways[input.gateway];
  if (!gateway) {
    // A setting, not an outage: retrying cannot help, so nothing is written or counted.
    return err(
      domainError(
        "GATEWAY_NOT_CONFIGURED",
        `The ${input.gateway} gateway is not offered here. Nothing was charged; use another gateway.`,
        ["gateway"],
      ),
    );
  }
  // Counted before anything is written or sent, replays of a key included: a refused start leaves
  // no payment behind, so the same key works once the window has passed.
  const gate = await deps.throttle.consume(
    topUpThrottleKey(viewer.userId),
    deps.policy.topUpStartsPerWindow,
    deps.policy.topUpStartWindowSeconds,
  );
  if (!gate.allowed) {
    return err({
      ...domainError(
        "TOO_MANY_TOP_UPS",
        `Too many top-ups started; try again in ${gate.retryAfterSeconds} s.`,
      ),
      retryAfterSeconds: gate.retryAfterSeconds,
    });
  }

  const created = await deps.payments.create(
    newPayment({
      id: deps.ids.newId(),
      userId: viewer.userId,
      amount: amount.value,
      gateway: input.gateway,
      idempotencyKey: key.value,
      createdAt: deps.clock.now(),
    }),
  );
  if (!created.created) return replay(created.existing, input.gateway, amount.value);
  const payment = created.payment;

  const session = await gateway.requestPayment({
    amount: payment.amount,
    callbackUrl: deps.policy.callbackUrls[payment.gateway],
    description: `افزایش موجودی کیف پول پیکربند — ${payment.amount.amount.toLocaleString("fa-IR")} ریال`,
    orderId: payment.id,
  });
  if (!session.ok) {
    await fail(deps, payment, `GATEWAY_${session.error.kind}`);
    return unavailable();
  }
  const attached = await deps.payments.attachAuthority(payment.id, session.value);
  if (!attached) {
    // The gateway handed out an authority another payment holds, or reconciliation gave up on
    // this payment meanwhile: either way the session is not ours to use.
    await fail(deps, payment, "AUTHORITY_CONFLICT");
    return unavailable();
  }
  return ok({ payment: attached, redirectUrl: session.value.redirectUrl });
}

/** Same key again: the first answer if the request is the same, else IDEMPOTENCY_KEY_REUSED. */
function replay(existing: Payment, gateway: PaymentGatewayName, amount: Payment["amount"]): StartTopUpResult {
  if (existing.gateway !== gateway || !existing.amount.equals(amount)) {
    return err(
      domainError(
        "IDEMPOTENCY_KEY_REUSED",
        "This idempotency key was used for another top-up; use a new key for a new top-up.",
        ["idempotencyKey"],
      ),
    );
  }
  if (existing.redirectUrl !== null) return ok({ payment: existing, redirectUrl: existing.redirectUrl });
  if (existing.status === "PENDING") {
    return err(
      domainError("TOP_UP_IN_PROGRESS", "This top-up is still being opened; try again in a moment.", [
        "idempotencyKey",
      ]),
    );
  }
  // It failed before the gateway gave a page: the first answer was GATEWAY_UNAVAILABLE.
  return unavailable();
}

async function fail(deps: WalletDeps, payment: Payment, reason: string): Promise<void> {
  await deps.payments.settle(payment.id, { status: "FAILED", reason, at: deps.clock.now() });
}
