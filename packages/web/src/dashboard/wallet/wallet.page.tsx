import { formatRials, formatTomans } from "../../format/persian-numbers.ts";
import { jalaliDateTime } from "../format/jalali.ts";
import { useSession } from "../session/session.tsx";
import { LoadStatus, useLoad } from "../use-load.tsx";
import { Ledger } from "./ledger.tsx";
import { TopUpForm } from "./top-up-form.tsx";

const LEDGER_PAGE = 20;

/** Balance, when it runs out at today's usage, a top-up through a gateway, and the statement. */
export function WalletPage() {
  const { client } = useSession();
  const { state } = useLoad(async (signal) => {
    const { viewer } = await client.WalletEntries({ first: LEDGER_PAGE }, undefined, signal);
    const { viewer: forecast } = await client.Wallet(undefined, undefined, signal);
    if (!viewer || !forecast) throw new Error("signed out");
    return { ...viewer.wallet, runsOutAt: forecast.wallet.runsOutAt };
  });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">کیف پول</h1>
      <LoadStatus state={state} />
      {state.status === "ready" ? (
        <>
          <dl class="summary">
            <div>
              <dt>موجودی</dt>
              <dd data-balance={state.data.balance}>
                <strong>{formatTomans(state.data.balance)}</strong> ({formatRials(state.data.balance)})
              </dd>
            </div>
            <div>
              <dt>پایان موجودی</dt>
              <dd>
                {state.data.runsOutAt
                  ? `با مصرف کنونی، حدود ${jalaliDateTime(state.data.runsOutAt)}`
                  : "سروری هزینه نمی‌سازد."}
              </dd>
            </div>
          </dl>
          <TopUpForm />
          <Ledger entries={state.data.entries.edges.map((edge) => edge.node)} />
        </>
      ) : null}
    </section>
  );
}
