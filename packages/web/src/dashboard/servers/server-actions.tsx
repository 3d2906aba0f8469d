import { useState } from "preact/hooks";
import { formatTomans } from "../../format/persian-numbers.ts";
import { ConfirmButton } from "../confirm-button.tsx";
import { ErrorAlert } from "../forms/field.tsx";
import { useSession } from "../session/session.tsx";
import { plansIn, type Catalog } from "./catalog.ts";
import { isSettled, type Server } from "./server-status.ts";
import { useAction } from "../use-action.ts";

/** Power, reboot, resize, rebuild and delete, as far as the server's status allows them. */
export function ServerActions({ server, catalog }: { readonly server: Server; readonly catalog: Catalog }) {
  const { client } = useSession();
  const { busy, error, run } = useAction();
  const otherPlans = plansIn(catalog, server.region.id).filter((plan) => plan.id !== server.plan.id);
  const [chosenPlanId, setPlanId] = useState(otherPlans[0]?.id ?? "");
  // After a resize the chosen plan is the server's own, no longer offered: the first other one is.
  const planId = otherPlans.some((plan) => plan.id === chosenPlanId)
    ? chosenPlanId
    : (otherPlans[0]?.id ?? "");
  const [imageId, setImageId] = useState(server.image.id);
  const serverId = server.id;
  if (!isSettled(server.status))
    return <p class="muted">عملیات در جریان است؛ وضعیت همین‌جا به‌روز می‌شود.</p>;
  const working = server.status !== "FAILED";
  return (
    <div class="server-actions">
      {server.status === "ACTIVE" ? (
        <>
          <button
            class="button"
            type="button"
            disabled={busy}
            onClick={() =>
              run(() => client.PowerOffServer({ input: { serverId } }).then((r) => r.powerOffServer))
            }
          >
            خاموش کردن
          </button>
          <button
            class="button secondary"
            type="button"
            disabled={busy}
            onClick={() =>
              run(() => client.RebootServer({ input: { serverId } }).then((r) => r.rebootServer))
            }
          >
            راه‌اندازی دوباره
          </button>
        </>
      ) : null}
      {server.status === "OFF" ? (
        <button
          class="button"
          type="button"
          disabled={busy}
          onClick={() =>
            run(() => client.PowerOnServer({ input: { serverId } }).then((r) => r.powerOnServer))
          }
        >
          روشن کردن
        </button>
      ) : null}
      {working && otherPlans.length > 0 ? (
        <div class="inline-form">
          <label for={`resize-${serverId}`}>اندازهٔ تازه</label>
          <select id={`resize-${serverId}`} value={planId} onChange={(e) => setPlanId(e.currentTarget.value)}>
            {otherPlans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name} · {formatTomans(plan.monthlyPrice)} در ماه
              </option>
            ))}
          </select>
          <button
            class="button secondary"
            type="button"
            disabled={busy}
            onClick={() =>
              run(() => client.ResizeServer({ input: { serverId, planId } }).then((r) => r.resizeServer))
            }
          >
            تغییر اندازه
          </button>
        </div>
      ) : null}
      {working ? (
        <div class="inline-form">
          <label for={`rebuild-${serverId}`}>سیستم‌عامل</label>
          <select
            id={`rebuild-${serverId}`}
            value={imageId}
            onChange={(e) => setImageId(e.currentTarget.value)}
          >
            {catalog.images.map((image) => (
              <option key={image.id} value={image.id}>
                {image.name}
              </option>
            ))}
          </select>
          <ConfirmButton
            label="نصب دوباره"
            question="دیسک سرور با سیستم‌عامل تازه بازنویسی می‌شود و هرچه روی آن است از بین می‌رود. ادامه می‌دهید؟"
            confirmLabel="بله، نصب دوباره"
            disabled={busy}
            onConfirm={() =>
              run(() => client.RebuildServer({ input: { serverId, imageId } }).then((r) => r.rebuildServer))
            }
          />
        </div>
      ) : null}
      <ConfirmButton
        label="حذف سرور"
        question={`سرور «${server.name}» و دیسک آن برای همیشه حذف می‌شود. ادامه می‌دهید؟`}
        confirmLabel="بله، حذف شود"
        disabled={busy}
        onConfirm={() => run(() => client.DeleteServer({ input: { serverId } }).then((r) => r.deleteServer))}
      />
      <ErrorAlert message={error} />
    </div>
  );
}
