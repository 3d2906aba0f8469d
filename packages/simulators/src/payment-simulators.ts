import {
  startIdpaySimulator,
  type IdpaySimulator,
  type IdpaySimulatorOptions,
} from "./idpay/idpay.simulator.ts";
import {
  startZarinpalSimulator,
  type ZarinpalSimulator,
  type ZarinpalSimulatorOptions,
} from "./zarinpal/zarinpal.simulator.ts";

export interface PaymentSimulators {
  readonly zarinpal: ZarinpalSimulator;
  readonly idpay: IdpaySimulator;
  close(): Promise<void>;
}

/** Both gateways at once, as the embedded sandbox runs them. */
export async function startPaymentSimulators(
  options: { readonly zarinpal?: ZarinpalSimulatorOptions; readonly idpay?: IdpaySimulatorOptions } = {},
): Promise<PaymentSimulators> {
  const [zarinpal, idpay] = await Promise.allSettled([
    startZarinpalSimulator(options.zarinpal),
    startIdpaySimulator(options.idpay),
  ]);
  if (zarinpal.status === "rejected" || idpay.status === "rejected") {
    // Don't leave the one that did start listening.
    await Promise.all([zarinpal, idpay].map((r) => (r.status === "fulfilled" ? r.value.close() : undefined)));
    throw zarinpal.status === "rejected" ? zarinpal.reason : (idpay as PromiseRejectedResult).reason;
  }
  return {
    zarinpal: zarinpal.value,
    idpay: idpay.value,
    close: async () => {
      await Promise.all([zarinpal.value.close(), idpay.value.close()]);
    },
  };
}
