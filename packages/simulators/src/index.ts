export {
  startZarinpalSimulator,
  type ZarinpalSimulator,
  type ZarinpalSimulatorOptions,
} from "./zarinpal/zarinpal.simulator.ts";
export type { ZarinpalOperation } from "./zarinpal/zarinpal.context.ts";
export type { ZarinpalPayment, ZarinpalPaymentStatus } from "./zarinpal/zarinpal.payment.ts";

export {
  startIdpaySimulator,
  type IdpaySimulator,
  type IdpaySimulatorOptions,
} from "./idpay/idpay.simulator.ts";
export type { IdpayOperation } from "./idpay/idpay.context.ts";
export type { IdpayPayment, IdpayStatus } from "./idpay/idpay.payment.ts";

export { startPaymentSimulators, type PaymentSimulators } from "./payment-simulators.ts";
export type { FaultSwitchboard, Faults } from "./shared/fault.switchboard.ts";
export type { PaymentLog } from "./shared/payment.book.ts";
