import type { SshKeyFieldsFragment } from "@peykarband/sdk";
import { ConfirmButton } from "../confirm-button.tsx";
import { ErrorAlert } from "../forms/field.tsx";
import { jalaliDateTime } from "../format/jalali.ts";
import { useAction } from "../use-action.ts";
import { useSession } from "../session/session.tsx";

interface SshKeyListProps {
  readonly keys: readonly SshKeyFieldsFragment[];
  readonly onDeleted: () => void;
}

export function SshKeyList({ keys, onDeleted }: SshKeyListProps) {
  const { client } = useSession();
  const { busy, error, run } = useAction();
  if (keys.length === 0) return <p>هنوز کلیدی نیفزوده‌اید.</p>;
  const remove = (sshKeyId: string) =>
    run(async () => {
      const { deleteSshKey } = await client.DeleteSshKey({ input: { sshKeyId } });
      if (deleteSshKey.deletedSshKeyId) onDeleted();
      return deleteSshKey;
    });
  return (
    <>
      <ErrorAlert message={error} />
      <ul class="cards" role="list">
        {keys.map((key) => (
          <li key={key.id} class="card" data-ssh-key={key.id}>
            <h2>{key.name}</h2>
            <p>
              اثر انگشت: <code dir="ltr">{key.fingerprint}</code>
            </p>
            <p class="muted">افزوده در {jalaliDateTime(key.createdAt)}</p>
            <ConfirmButton
              label="حذف کلید"
              question={`کلید «${key.name}» از حساب حذف شود؟`}
              confirmLabel="بله، حذف شود"
              disabled={busy}
              onConfirm={() => remove(key.id)}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
