import type { PaymentGateway, PaymentGateways } from "@peykarband/application";
import type { PaymentGatewayName } from "@peykarband/domain";
import type { Config } from "../config/config.ts";
import { DEFAULT_GATEWAY_TIMING, type GatewayTiming } from "./gateway.http-client.ts";
import { IdpayPaymentGateway } from "./idpay.payment-gateway.ts";
import { ZarinpalPaymentGateway } from "./zarinpal.payment-gateway.ts";

export const ZARINPAL_PRODUCTION_URL = "https://payment.zarinpal.com";
export const IDPAY_PRODUCTION_URL = "https://api.idpay.ir";

type PaymentGatewayConfig = Pick<
  Config,
  "sandbox" | "zarinpalBaseUrl" | "idpayBaseUrl" | "idpaySandbox" | "paymentSecrets"
>;

/**
 * What the composition root knows beyond the environment: in sandbox mode, the in-process
 * simulators it started. Pass a simulator's credential with its URL. Each value wins over the
 * configuration's.
 */
export interface PaymentGatewayOverrides {
  readonly zarinpalBaseUrl?: string;
  readonly zarinpalMerchantId?: string;
  readonly idpayBaseUrl?: string;
  readonly idpayApiKey?: string;
  /** Deadlines and retries; tests shorten them. */
  readonly timing?: Partial<GatewayTiming>;
}

/**
 * The gateways this deployment offers. A gateway needs a base URL and its credential; without
 * either it is left out, and top-ups through it answer "unavailable". In production the base URL
 * defaults to the real service; in sandbox mode there is no default, so money never reaches a
 * real gateway unless its URL is configured on purpose.
 */
export function createPaymentGateways(
  config: PaymentGatewayConfig,
  overrides: PaymentGatewayOverrides = {},
): PaymentGateways {
  const timing = { ...DEFAULT_GATEWAY_TIMING, ...overrides.timing };
  const gateways: Partial<Record<PaymentGatewayName, PaymentGateway>> = {};

  const zarinpalBaseUrl =
    overrides.zarinpalBaseUrl ?? config.zarinpalBaseUrl ?? (config.sandbox ? null : ZARINPAL_PRODUCTION_URL);
  const merchantId = overrides.zarinpalMerchantId ?? config.paymentSecrets.zarinpalMerchantId;
  if (zarinpalBaseUrl !== null && merchantId !== null) {
    gateways.ZARINPAL = new ZarinpalPaymentGateway({ baseUrl: zarinpalBaseUrl, merchantId, timing });
  }

  const idpayBaseUrl =
    overrides.idpayBaseUrl ?? config.idpayBaseUrl ?? (config.sandbox ? null : IDPAY_PRODUCTION_URL);
  const apiKey = overrides.idpayApiKey ?? config.paymentSecrets.idpayApiKey;
  if (idpayBaseUrl !== null && apiKey !== null) {
    gateways.IDPAY = new IdpayPaymentGateway({
      baseUrl: idpayBaseUrl,
      apiKey,
      sandbox: config.idpaySandbox,
      timing,
    });
  }
  return gateways;
}
