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

export {
  startDigitalOceanSimulator,
  type DigitalOceanSimulator,
  type DigitalOceanSimulatorOptions,
  type DropletLog,
} from "./digitalocean/digitalocean.simulator.ts";
export type { Droplet, DoAction } from "./digitalocean/digitalocean.account.ts";

export {
  startOvhSimulator,
  type OvhInstanceView,
  type OvhSimulator,
  type OvhSimulatorOptions,
} from "./ovh/ovh.simulator.ts";
export type { OvhCredentials } from "./ovh/ovh-auth.check.ts";
export { regionalId as ovhRegionalId } from "./ovh/ovh-inventory.ts";

export {
  startHetznerSimulator,
  type HetznerSimulatedServer,
  type HetznerSimulator,
  type HetznerSimulatorOptions,
} from "./hetzner/hetzner.simulator.ts";

export {
  startCloudSimulators,
  type CloudSimulators,
  type SimulatedCloud,
  type SimulatedCloudServer,
} from "./cloud-simulators.ts";
export type { CloudFaultBoard, CloudFaults } from "./cloud/cloud-faults.ts";
export { SimulatorClock } from "./cloud/simulator.clock.ts";

export {
  startKavenegarSimulator,
  type KavenegarSimulator,
  type KavenegarSimulatorOptions,
} from "./kavenegar/kavenegar.simulator.ts";
export type { KavenegarMessage } from "./kavenegar/kavenegar.message.ts";
