import { fieldErrors } from "../forms/field-errors.ts";
import { Field, FormError } from "../forms/field.tsx";
import { textOf, useSubmit } from "../forms/use-submit.ts";
import { useSession } from "../session/session.tsx";
import { LoadStatus, useLoad } from "../use-load.tsx";
import { SshKeyList } from "./ssh-key-list.tsx";

/** SSH keys kept in the account, to install on the servers ordered with them. */
export function SshKeysPage() {
  const { client } = useSession();
  const { state, reload } = useLoad((signal) => client.SshKeys(undefined, undefined, signal));
  const { errors, busy, onSubmit } = useSubmit(async (data) => {
    const { addSshKey } = await client.AddSshKey({
      input: { name: textOf(data, "name").trim(), publicKey: textOf(data, "publicKey").trim() },
    });
    if (addSshKey.sshKey) reload();
    return fieldErrors(addSshKey.userErrors);
  });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">کلیدهای SSH</h1>
      <LoadStatus state={state} />
      {state.status === "ready" ? <SshKeyList keys={state.data.sshKeys} onDeleted={reload} /> : null}
      <form class="form" onSubmit={onSubmit} noValidate aria-labelledby="add-key-title">
        <h2 id="add-key-title">افزودن کلید</h2>
        <FormError errors={errors} />
        <Field name="name" label="نام کلید" required errors={errors} />
        <Field
          name="publicKey"
          label="کلید عمومی"
          dir="ltr"
          required
          hint="یک خط از ‎~/.ssh/id_ed25519.pub‎، مانند ssh-ed25519 AAAA…"
          errors={errors}
        />
        <button class="button" type="submit" disabled={busy}>
          افزودن
        </button>
      </form>
    </section>
  );
}
