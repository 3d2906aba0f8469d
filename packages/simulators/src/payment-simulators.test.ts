import { describe, expect, it } from "vitest";
import { startPaymentSimulators } from "./payment-simulators.ts";

describe("startPaymentSimulators", () => {
  it("starts both gateways on their own ports and closes both", async () => {
    const sims = await startPaymentSimulators({ idpay: { apiKey: "6a7f99eb-7c20-4412-a972-6dfb7cd253a4" } });
    expect(sims.zarinpal.url).not.toBe(sims.idpay.url);
    expect(sims.idpay.apiKey).toBe("6a7f99eb-7c20-4412-a972-6dfb7cd253a4");
    await sims.close();
    await expect(fetch(`${sims.zarinpal.url}/__sim/faults`)).rejects.toThrow();
  });

  it("does not leave one listening when the other cannot start", async () => {
    const taken = await startPaymentSimulators();
    try {
      const port = Number(new URL(taken.idpay.url).port);
      await expect(startPaymentSimulators({ idpay: { port } })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await taken.close();
    }
  });
});
