import type { CloudProviderName, PaymentGatewayName } from "@peykarband/domain";
import { createCloudProviders, createPaymentGateways, type Config } from "@peykarband/infrastructure";

/** Where a payment gateway or cloud is served from in this process, if anywhere. */
type ServiceSource = "simulator" | "configured" | "not configured";

export interface ActiveServices {
  readonly paymentGateways: Readonly<Record<PaymentGatewayName, ServiceSource>>;
  readonly clouds: Readonly<Record<CloudProviderName, ServiceSource>>;
  /** The in-process simulators run (sandbox mode). */
  readonly simulators: boolean;
}

/**
 * What the start log says about payments and clouds. In sandbox mode every gateway or cloud
 * without its own endpoint is simulated (composeWallet, simulatedClouds); otherwise it is
 * offered only when the adapters find its credentials.
 */
export function activeServices(config: Config): ActiveServices {
  const gateways = createPaymentGateways(config);
  const providers = createCloudProviders(config);
  const source = (simulated: boolean, configured: boolean): ServiceSource =>
    simulated ? "simulator" : configured ? "configured" : "not configured";
  const simulate = (endpoint: string | null) => config.sandbox && endpoint === null;
  return {
    paymentGateways: {
      ZARINPAL: source(simulate(config.zarinpalBaseUrl), gateways.ZARINPAL !== undefined),
      IDPAY: source(simulate(config.idpayBaseUrl), gateways.IDPAY !== undefined),
    },
    clouds: {
      DIGITALOCEAN: source(
        simulate(config.cloudEndpoints.digitalocean),
        providers.DIGITALOCEAN !== undefined,
      ),
      HETZNER: source(simulate(config.cloudEndpoints.hetzner), providers.HETZNER !== undefined),
      OVH: source(simulate(config.cloudEndpoints.ovh), providers.OVH !== undefined),
    },
    simulators: config.sandbox,
  };
}

/** One line for the start log, e.g. "payment gateways: ZARINPAL configured, IDPAY not configured; …". */
export function describeActiveServices(services: ActiveServices): string {
  const list = (entries: Record<string, ServiceSource>) =>
    Object.entries(entries)
      .map(([name, where]) => `${name} ${where === "simulator" ? "simulated" : where}`)
      .join(", ");
  return (
    `payment gateways: ${list(services.paymentGateways)}; clouds: ${list(services.clouds)}; ` +
    `simulators ${services.simulators ? "running (nothing real is charged or created)" : "off"}`
  );
}
