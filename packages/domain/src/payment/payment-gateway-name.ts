/** The payment gateways a customer can top up through. */
export const PAYMENT_GATEWAYS = ["ZARINPAL", "IDPAY"] as const;
export type PaymentGatewayName = (typeof PAYMENT_GATEWAYS)[number];

export const isPaymentGatewayName = (value: string): value is PaymentGatewayName =>
  (PAYMENT_GATEWAYS as readonly string[]).includes(value);
