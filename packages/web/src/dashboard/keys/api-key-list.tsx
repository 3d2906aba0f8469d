import type { ApiKeyFieldsFragment } from "@peykarband/sdk";
import { ConfirmButton } from "../confirm-button.tsx";
import { ErrorAlert } from "../forms/field.tsx";
import { jalaliDateTime } from "../format/jalali.ts";
import { useSession } from "../session/session.tsx";
import { useAction } from "../use-action.ts";
import { scopeLabel } from "./api-scopes.ts";

interface ApiKeyListProps {
  readonly keys: readonly ApiKeyFieldsFragment[];
  readonly onRevoked: () => void;
}

export function ApiKeyList({ keys, onRevoked }: ApiKeyListProps) {
  const { client } = useSession();
  const { busy, error, run } = useAction();
  if (keys.length === 0) return <p>هنوز کلیدی نساخته‌اید.</p>;
  const revoke = (apiKeyId: string) =>
    run(async () => {
      const { revokeApiKey } = await client.RevokeApiKey({ input: { apiKeyId } });
      if (revokeApiKey.apiKey) onRevoked();
      return revokeApiKey;
    });
  return (
    <>
      <ErrorAlert message={error} />
      <ul class="cards" role="list">
        {keys.map((key) => (
          <li key={key.id} class="card" data-api-key={key.id}>
            <h2>{key.name}</h2>
            <p>
              آغاز کلید: <code dir="ltr">{key.prefix}</code> · دسترسی‌ها:{" "}
              {key.scopes.map(scopeLabel).join("، ")}
            </p>
            <p class="muted">
              ساخته در {jalaliDateTime(key.createdAt)}
              {key.lastUsedAt ? ` · آخرین استفاده ${jalaliDateTime(key.lastUsedAt)}` : ""}
            </p>
            {key.revokedAt ? (
              <p>باطل شده در {jalaliDateTime(key.revokedAt)}</p>
            ) : (
              <ConfirmButton
                label="ابطال کلید"
                question={`کلید «${key.name}» باطل شود؟ برنامه‌هایی که با آن کار می‌کنند دیگر راه نمی‌یابند.`}
                confirmLabel="بله، باطل شود"
                disabled={busy}
                onConfirm={() => revoke(key.id)}
              />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
