import { Rial } from "@peykarband/domain";
import { startZarinpalSimulator } from "@peykarband/simulators";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createPaymentGateways } from "./create-payment-gateways.ts";
import { IdpayPaymentGateway } from "./idpay.payment-gateway.ts";
import { ZarinpalPaymentGateway } from "./zarinpal.payment-gateway.ts";

const MERCHANT_ID = "0b6f6a0e-5f4e-4c1b-9a37-2f3c1d4e5f60";
const API_KEY = "6a7f99eb-7c20-4412-a972-6dfb7cd253a4";

const config = (
  sandbox: boolean,
  changes: Partial<Parameters<typeof createPaymentGateways>[0]> = {},
): Parameters<typeof createPaymentGateways>[0] => ({
  sandbox,
  zarinpalBaseUrl: null,
  idpayBaseUrl: null,
  idpaySandbox: false,
  paymentSecrets: { zarinpalMerchantId: null, idpayApiKey: null },
  ...changes,
});

describe("createPaymentGateways", () => {
  it("offers in production only the gateways whose credentials are set", () => {
    expect(createPaymentGateways(config(false))).toEqual({});
    const zarinpalOnly = createPaymentGateways(
      config(false, { paymentSecrets: { zarinpalMerchantId: MERCHANT_ID, idpayApiKey: null } }),
    );
    expect(Object.keys(zarinpalOnly)).toEqual(["ZARINPAL"]);
    expect(zarinpalOnly.ZARINPAL).toBeInstanceOf(ZarinpalPaymentGateway);

    const both = createPaymentGateways(
      config(false, { paymentSecrets: { zarinpalMerchantId: MERCHANT_ID, idpayApiKey: API_KEY } }),
    );
    expect(both.IDPAY).toBeInstanceOf(IdpayPaymentGateway);
    // Credentials sit in private fields: logging a gateway object shows none.
    for (const shown of [JSON.stringify(both), inspect(both, { depth: 10 })]) {
      expect(shown).not.toContain(MERCHANT_ID);
      expect(shown).not.toContain(API_KEY);
    }
  });

  it("never defaults to a real gateway in sandbox mode", () => {
    expect(
      createPaymentGateways(
        config(true, { paymentSecrets: { zarinpalMerchantId: MERCHANT_ID, idpayApiKey: API_KEY } }),
      ),
    ).toEqual({});
    const configured = createPaymentGateways(
      config(true, {
        zarinpalBaseUrl: "https://sandbox.zarinpal.com",
        paymentSecrets: { zarinpalMerchantId: MERCHANT_ID, idpayApiKey: API_KEY },
      }),
    );
    expect(Object.keys(configured)).toEqual(["ZARINPAL"]);
  });

  it("uses the simulators the composition root passes, over the configuration", async () => {
    const sim = await startZarinpalSimulator();
    try {
      const gateways = createPaymentGateways(
        config(true, {
          zarinpalBaseUrl: "https://sandbox.zarinpal.com",
          paymentSecrets: { zarinpalMerchantId: MERCHANT_ID, idpayApiKey: null },
        }),
        { zarinpalBaseUrl: sim.url, zarinpalMerchantId: sim.merchantId, timing: { requestTimeoutMs: 1_000 } },
      );
      const session = await gateways.ZARINPAL!.requestPayment({
        amount: Rial.of(10_000n),
        callbackUrl: "http://localhost:4000/payments/zarinpal/callback",
        description: "d",
        orderId: "o",
      });
      expect(session).toMatchObject({
        ok: true,
        value: { redirectUrl: expect.stringMatching(`^${sim.url}/pg/StartPay/A`) },
      });
      expect(gateways.IDPAY).toBeUndefined();
    } finally {
      await sim.close();
    }
  });
});
