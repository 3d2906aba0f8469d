import { randomUUID } from "node:crypto";
import { FaultSwitchboard } from "../shared/fault.switchboard.ts";
import { PaymentBook, type PaymentLog } from "../shared/payment.book.ts";
import { startSimulatorServer } from "../shared/simulator.server.ts";
import { idpayApiRoutes } from "./idpay-api.routes.ts";
import { IDPAY_OPERATIONS, type IdpayContext, type IdpayOperation } from "./idpay.context.ts";
import { idpayPageRoutes } from "./idpay-page.routes.ts";
import type { IdpayPayment } from "./idpay.payment.ts";

export interface IdpaySimulatorOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  /** Where browsers reach the payment page, when not at the listening address. */
  readonly publicUrl?: string;
  /** The only `X-API-KEY` this gateway accepts. Default: a random UUID (36 characters, like IDPay's). */
  readonly apiKey?: string;
  /** Shown on the payment page, as the real gateway shows the web service's name. */
  readonly merchantName?: string;
  /** How verify and inquiry spell numbers. Default "string", as in the docs' examples. */
  readonly numbers?: "string" | "number";
  /** Default "POST", IDPay's default return method. */
  readonly returnMethod?: "POST" | "GET";
  /** Verify window after payment; unset means no limit. */
  readonly verifyWindowMs?: number;
  /** Decides the 5xx fault; tests may make it predictable. Default Math.random. */
  readonly random?: () => number;
}

export interface IdpaySimulator {
  /** Base URL; the API lives under `/v1.1`, standing in for `https://api.idpay.ir/v1.1`. */
  readonly url: string;
  readonly apiKey: string;
  readonly faults: FaultSwitchboard<IdpayOperation>;
  /** Keyed by IDPay's `id`. */
  readonly payments: PaymentLog<IdpayPayment>;
  close(): Promise<void>;
}

export async function startIdpaySimulator(options: IdpaySimulatorOptions = {}): Promise<IdpaySimulator> {
  let publicUrl = options.publicUrl;
  const context: IdpayContext = {
    apiKey: options.apiKey ?? randomUUID(),
    merchantName: options.merchantName ?? "پیکربند",
    numbers: options.numbers ?? "string",
    returnMethod: options.returnMethod ?? "POST",
    verifyWindowMs: options.verifyWindowMs,
    publicUrl: () => publicUrl!,
    payments: new PaymentBook<IdpayPayment>(),
    faults: new FaultSwitchboard<IdpayOperation>(IDPAY_OPERATIONS),
  };
  const server = await startSimulatorServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    routes: [...idpayApiRoutes(context), ...idpayPageRoutes(context)],
    faults: context.faults,
    snapshot: () => context.payments.list(),
    random: options.random ?? Math.random,
  });
  publicUrl ??= server.url;
  return {
    url: server.url,
    apiKey: context.apiKey,
    faults: context.faults,
    payments: context.payments,
    close: () => server.close(),
  };
}
