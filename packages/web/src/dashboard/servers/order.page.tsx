import { PATHS } from "../paths.ts";
import { useSession } from "../session/session.tsx";
import { LoadStatus, useLoad } from "../use-load.tsx";
import { loadCatalog } from "./catalog.ts";
import { OrderForm } from "./order-form.tsx";

/** The catalog with prices, and the wallet's balance for the forecast. */
export function OrderPage() {
  const { client } = useSession();
  const { state } = useLoad(async (signal) => {
    const [catalog, { viewer }] = await Promise.all([
      loadCatalog(client, signal),
      client.Wallet(undefined, undefined, signal),
    ]);
    if (!viewer) throw new Error("signed out");
    return { catalog, balance: viewer.wallet.balance };
  });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">سفارش سرور</h1>
      <p>
        هزینه ساعتی از <a href={PATHS.wallet}>کیف پول</a> کسر می‌شود و جمع یک ماه از بهای ماهانه بیشتر
        نمی‌شود.
      </p>
      <LoadStatus state={state} />
      {state.status === "ready" ? (
        <OrderForm catalog={state.data.catalog} balance={state.data.balance} />
      ) : null}
    </section>
  );
}
