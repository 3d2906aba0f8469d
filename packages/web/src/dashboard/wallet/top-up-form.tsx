import { fieldErrors } from "../forms/field-errors.ts";
import { Field, FormError } from "../forms/field.tsx";
import { textOf, useSubmit } from "../forms/use-submit.ts";
import { useSession } from "../session/session.tsx";
import { rialsFromTomans } from "./tomans-input.ts";

const GATEWAYS = [
  { value: "ZARINPAL", label: "زرین‌پال" },
  { value: "IDPAY", label: "آیدی‌پی" },
] as const;

/** Opens a payment and sends the browser to the gateway's page; it comes back to the result page. */
export function TopUpForm() {
  const { client } = useSession();
  const { errors, busy, onSubmit } = useSubmit(async (data) => {
    const amount = rialsFromTomans(textOf(data, "amount"));
    if (!amount) return { amount: "مبلغ را به تومان و با رقم بنویسید." };
    const gateway = textOf(data, "gateway") === "IDPAY" ? "IDPAY" : "ZARINPAL";
    const { startTopUp } = await client.StartTopUp({ input: { amount, gateway } });
    if (startTopUp.redirectUrl) window.location.assign(startTopUp.redirectUrl);
    return fieldErrors(startTopUp.userErrors);
  });
  return (
    <form class="form" onSubmit={onSubmit} noValidate aria-labelledby="top-up-title">
      <h2 id="top-up-title">افزایش موجودی</h2>
      <FormError errors={errors} />
      <Field name="amount" label="مبلغ (تومان)" inputMode="numeric" dir="ltr" required errors={errors} />
      <fieldset>
        <legend>درگاه پرداخت</legend>
        {GATEWAYS.map((gateway, i) => (
          <label key={gateway.value} class="choice">
            <input type="radio" name="gateway" value={gateway.value} defaultChecked={i === 0} />{" "}
            {gateway.label}
          </label>
        ))}
      </fieldset>
      <button class="button" type="submit" disabled={busy}>
        پرداخت
      </button>
    </form>
  );
}
