import { jalaliDateTime } from "../format/jalali.ts";
import type { Catalog } from "./catalog.ts";
import { ServerActions } from "./server-actions.tsx";
import { STATUS_LABELS, type Server } from "./server-status.ts";
import { useLiveServer } from "./use-live-server.ts";

/** One server, its status followed live, and what can be done with it now. */
export function ServerCard({ initial, catalog }: { readonly initial: Server; readonly catalog: Catalog }) {
  const server = useLiveServer(initial);
  return (
    <li class="card server" data-server={server.id} aria-labelledby={`server-${server.id}`}>
      <h2 id={`server-${server.id}`} dir="ltr">
        {server.name}
      </h2>
      <p class="server-status" role="status" data-status={server.status}>
        وضعیت: <strong>{STATUS_LABELS[server.status]}</strong>
      </p>
      {server.failureReason ? <p class="form-error">{server.failureReason}</p> : null}
      <dl class="specs">
        <div>
          <dt>پلن</dt>
          <dd dir="auto" data-plan-id={server.plan.id}>
            {server.plan.name}
          </dd>
        </div>
        <div>
          <dt>منطقه</dt>
          <dd dir="auto">{server.region.name}</dd>
        </div>
        <div>
          <dt>سیستم‌عامل</dt>
          <dd dir="auto" data-image-id={server.image.id}>
            {server.image.name}
          </dd>
        </div>
        <div>
          <dt>نشانی IP</dt>
          <dd dir="ltr">{server.ipv4 ?? "—"}</dd>
        </div>
        <div>
          <dt>ساخته شده</dt>
          <dd>{jalaliDateTime(server.createdAt)}</dd>
        </div>
      </dl>
      {server.status === "DELETED" ? null : <ServerActions server={server} catalog={catalog} />}
    </li>
  );
}
