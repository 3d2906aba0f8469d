import type { Region } from "../catalog/load-catalog.ts";
import type { CatalogState } from "../catalog/use-catalog.ts";
import { CLOUDS } from "../content/clouds.ts";
import { CatalogStatus } from "./catalog-status.tsx";

const countryNames = new Intl.DisplayNames(["fa"], { type: "region" });

function RegionItem({ region }: { readonly region: Region }) {
  return (
    <li>
      {region.name}، {countryNames.of(region.country) ?? region.country}
      {region.isAvailable ? null : <span class="muted"> (فعلاً بدون ظرفیت)</span>}
    </li>
  );
}

/** The three clouds (static) and each one's regions (live from the catalog). */
export function Clouds({ state }: { readonly state: CatalogState }) {
  return (
    <section id="clouds" aria-labelledby="clouds-title">
      <h2 id="clouds-title">سه ابر، یک کیف پول</h2>
      <CatalogStatus state={state} />
      <ul class="cards" role="list">
        {CLOUDS.map((cloud) => (
          <li class="card" key={cloud.provider}>
            <h3>{cloud.name}</h3>
            <p>{cloud.summary}</p>
            {state.status === "ready" ? (
              <>
                <h4>مناطق</h4>
                <ul class="regions">
                  {state.catalog.regions
                    .filter((region) => region.provider === cloud.provider)
                    .map((region) => (
                      <RegionItem key={region.id} region={region} />
                    ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
