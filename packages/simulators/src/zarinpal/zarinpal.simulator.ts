import { randomUUID } from "node:crypto";
import { FaultSwitchboard } from "../shared/fault.switchboard.ts";
import { PaymentBook, type PaymentLog } from "../shared/payment.book.ts";
import { startSimulatorServer } from "../shared/simulator.server.ts";
import { zarinpalApiRoutes } from "./zarinpal-api.routes.ts";
import { ZARINPAL_OPERATIONS, type ZarinpalContext, type ZarinpalOperation } from "./zarinpal.context.ts";
import { zarinpalPageRoutes } from "./zarinpal-page.routes.ts";
import type { ZarinpalPayment } from "./zarinpal.payment.ts";

export interface ZarinpalSimulatorOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  /** The only terminal this gateway knows; any other well-formed id gets -10. Default: a random UUID. */
  readonly merchantId?: string;
  /** Shown on the payment page, as the real gateway shows the terminal's registered name. */
  readonly merchantName?: string;
  /** HTTP status sent with error envelopes; the real one is unconfirmed. Default 422. */
  readonly errorHttpStatus?: number;
  /** Decides the 5xx fault; tests may make it predictable. Default Math.random. */
  readonly random?: () => number;
}

export interface ZarinpalSimulator {
  /** Base URL, standing in for `https://payment.zarinpal.com`. */
  readonly url: string;
  readonly merchantId: string;
  readonly faults: FaultSwitchboard<ZarinpalOperation>;
  /** Keyed by authority. */
  readonly payments: PaymentLog<ZarinpalPayment>;
  close(): Promise<void>;
}

export async function startZarinpalSimulator(
  options: ZarinpalSimulatorOptions = {},
): Promise<ZarinpalSimulator> {
  const context: ZarinpalContext = {
    merchantId: options.merchantId ?? randomUUID(),
    merchantName: options.merchantName ?? "پیکربند",
    errorHttpStatus: options.errorHttpStatus ?? 422,
    payments: new PaymentBook<ZarinpalPayment>(),
    faults: new FaultSwitchboard<ZarinpalOperation>(ZARINPAL_OPERATIONS),
  };
  const server = await startSimulatorServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    routes: [...zarinpalApiRoutes(context), ...zarinpalPageRoutes(context)],
    faults: context.faults,
    snapshot: () => context.payments.list(),
    random: options.random ?? Math.random,
  });
  return {
    url: server.url,
    merchantId: context.merchantId,
    faults: context.faults,
    payments: context.payments,
    close: () => server.close(),
  };
}
