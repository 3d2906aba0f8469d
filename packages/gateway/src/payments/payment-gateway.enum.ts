import { PAYMENT_GATEWAYS, type PaymentGatewayName } from "@peykarband/domain";
import { registerEnumType } from "type-graphql";

const DESCRIPTIONS: Readonly<Record<PaymentGatewayName, string>> = {
  ZARINPAL: "Zarinpal (zarinpal.com): 10,000 to 1,000,000,000 rials per payment.",
  IDPAY: "IDPay (idpay.ir): 1,000 to 500,000,000 rials per payment.",
};

export const PaymentGatewayEnum = Object.fromEntries(PAYMENT_GATEWAYS.map((g) => [g, g])) as Record<
  PaymentGatewayName,
  PaymentGatewayName
>;

registerEnumType(PaymentGatewayEnum, {
  name: "PaymentGateway",
  description: "The Iranian payment gateways a wallet can be topped up through.",
  valuesConfig: Object.fromEntries(PAYMENT_GATEWAYS.map((g) => [g, { description: DESCRIPTIONS[g] }])),
});
