import { useLocation } from "preact-iso";
import { useState } from "preact/hooks";
import { formatMemory, formatTomans, persianNumber } from "../../format/persian-numbers.ts";
import { fieldErrors } from "../forms/field-errors.ts";
import { Field, FormError, SelectField } from "../forms/field.tsx";
import { textOf, useSubmit } from "../forms/use-submit.ts";
import { jalaliDateTime } from "../format/jalali.ts";
import { PATHS } from "../paths.ts";
import { useSession } from "../session/session.tsx";
import { plansIn, type Catalog } from "./catalog.ts";
import { runsOutWith } from "./run-out-forecast.ts";

interface OrderFormProps {
  readonly catalog: Catalog;
  readonly balance: string;
}

/** Region, plan with its price, image and a name; the forecast says how long the wallet lasts. */
export function OrderForm({ catalog, balance }: OrderFormProps) {
  const { client } = useSession();
  const { route } = useLocation();
  const regions = catalog.regions.filter((region) => region.isAvailable);
  const [regionId, setRegionId] = useState(regions[0]?.id ?? "");
  const plans = plansIn(catalog, regionId);
  const [planId, setPlanId] = useState(plans[0]?.id ?? "");
  const plan = plans.find((candidate) => candidate.id === planId) ?? plans[0];
  const runsOut = plan ? runsOutWith(balance, plan.hourlyPrice, new Date()) : null;
  const { errors, busy, onSubmit } = useSubmit(async (data) => {
    const { orderServer } = await client.OrderServer({
      input: {
        name: textOf(data, "name").trim(),
        regionId,
        planId: plan?.id ?? "",
        imageId: textOf(data, "imageId"),
        sshKeyIds: [],
      },
    });
    if (orderServer.server) route(PATHS.servers);
    return fieldErrors(orderServer.userErrors);
  });
  return (
    <form class="form" onSubmit={onSubmit} noValidate>
      <FormError errors={errors} />
      <Field
        name="name"
        label="نام سرور"
        dir="ltr"
        required
        hint="حروف لاتین، رقم و خط تیره؛ مانند web-1."
        errors={errors}
      />
      <SelectField name="regionId" label="منطقه" value={regionId} onChange={setRegionId} errors={errors}>
        {regions.map((region) => (
          <option key={region.id} value={region.id}>
            {region.name}
          </option>
        ))}
      </SelectField>
      <SelectField name="planId" label="پلن" value={plan?.id ?? ""} onChange={setPlanId} errors={errors}>
        {plans.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name} · {persianNumber(candidate.vcpus)} هسته · {formatMemory(candidate.memoryMb)} ·{" "}
            {formatTomans(candidate.monthlyPrice)} در ماه
          </option>
        ))}
      </SelectField>
      <SelectField name="imageId" label="سیستم‌عامل" errors={errors}>
        {catalog.images.map((image) => (
          <option key={image.id} value={image.id}>
            {image.name}
          </option>
        ))}
      </SelectField>
      {plan ? (
        <p class="price" aria-live="polite" data-order-price={plan.monthlyPrice}>
          <strong>{formatTomans(plan.monthlyPrice)}</strong> در ماه، ساعتی {formatTomans(plan.hourlyPrice)}.{" "}
          {runsOut
            ? `موجودی کنونی (${formatTomans(balance)}) اگر تنها همین سرور روشن باشد تا حدود ${jalaliDateTime(runsOut)} بس است.`
            : null}
        </p>
      ) : (
        <p>در این منطقه پلنی نیست.</p>
      )}
      <button class="button" type="submit" disabled={busy || !plan}>
        سفارش و پرداخت از کیف پول
      </button>
    </form>
  );
}
