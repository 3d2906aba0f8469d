import { formatTomans } from "../../format/persian-numbers.ts";
import { jalaliDateTime } from "../format/jalali.ts";
import { useSession } from "../session/session.tsx";
import { LoadStatus, useLoad } from "../use-load.tsx";

const INVOICES_PAGE = 24;

/** Monthly invoices (Jalali months), each with its Persian PDF. */
export function InvoicesPage() {
  const { client } = useSession();
  const { state } = useLoad((signal) => client.Invoices({ first: INVOICES_PAGE }, undefined, signal));
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">صورتحساب‌ها</h1>
      <LoadStatus state={state} />
      {state.status === "ready" && state.data.invoices.nodes.length === 0 ? (
        <p>صورتحساب هر ماه شمسی در آغاز ماه بعد صادر می‌شود؛ هنوز صورتحسابی ندارید.</p>
      ) : null}
      {state.status === "ready" && state.data.invoices.nodes.length > 0 ? (
        <div class="table-scroll">
          <table>
            <caption>صورتحساب‌های ماهانه</caption>
            <thead>
              <tr>
                <th scope="col">شماره</th>
                <th scope="col">دوره</th>
                <th scope="col">صدور</th>
                <th scope="col">جمع با مالیات</th>
                <th scope="col">PDF</th>
              </tr>
            </thead>
            <tbody>
              {state.data.invoices.nodes.map((invoice) => (
                <tr key={invoice.id} data-invoice={invoice.number}>
                  <td dir="ltr" class="nowrap">
                    {invoice.number}
                  </td>
                  <td>{invoice.jalaliPeriod}</td>
                  <td>{invoice.issuedAt ? jalaliDateTime(invoice.issuedAt) : "—"}</td>
                  <td>{formatTomans(invoice.totalRials)}</td>
                  <td>
                    <a href={invoice.pdfUrl} download>
                      دریافت PDF صورتحساب <bdi class="nowrap">{invoice.number}</bdi>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
