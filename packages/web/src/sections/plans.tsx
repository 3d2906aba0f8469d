import { plansOf, type Plan } from "../catalog/load-catalog.ts";
import type { CatalogState } from "../catalog/use-catalog.ts";
import { CLOUDS } from "../content/clouds.ts";
import { formatMemory, formatRials, formatTomans, persianNumber } from "../format/persian-numbers.ts";
import { CatalogStatus } from "./catalog-status.tsx";

function PlanCard({ plan }: { readonly plan: Plan }) {
  return (
    <li class="card plan" data-plan={plan.id}>
      <h4>{plan.name}</h4>
      <p class="price">
        <strong>{formatTomans(plan.monthlyPrice)}</strong> در ماه
      </p>
      <p class="muted">
        {formatRials(plan.monthlyPrice)} · ساعتی {formatTomans(plan.hourlyPrice)}
      </p>
      <dl class="specs">
        <div>
          <dt>پردازنده</dt>
          <dd>{persianNumber(plan.vcpus)} هسته</dd>
        </div>
        <div>
          <dt>حافظه</dt>
          <dd>{formatMemory(plan.memoryMb)}</dd>
        </div>
        <div>
          <dt>دیسک</dt>
          <dd>{persianNumber(plan.diskGb)} گیگابایت</dd>
        </div>
      </dl>
    </li>
  );
}

/** Every plan with its price, per cloud, read live: prices change with the exchange rate. */
export function Plans({ state }: { readonly state: CatalogState }) {
  return (
    <section id="plans" aria-labelledby="plans-title">
      <h2 id="plans-title">پلن‌ها و قیمت‌ها</h2>
      <p>
        قیمت‌ها زنده از فهرست پیکربند خوانده می‌شوند، به تومان و ریال، بدون مالیات بر ارزش افزوده. هزینه ساعتی
        کسر می‌شود و جمع یک ماه از بهای ماهانه بیشتر نمی‌شود.
      </p>
      <CatalogStatus state={state} />
      {state.status === "ready"
        ? CLOUDS.map((cloud) => (
            <div class="provider-plans" key={cloud.provider}>
              <h3>{cloud.name}</h3>
              <ul class="cards" role="list">
                {plansOf(state.catalog, cloud.provider).map((plan) => (
                  <PlanCard key={plan.id} plan={plan} />
                ))}
              </ul>
            </div>
          ))
        : null}
    </section>
  );
}
