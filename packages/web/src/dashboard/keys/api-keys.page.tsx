import { useState } from "preact/hooks";
import { fieldErrors } from "../forms/field-errors.ts";
import { Field, FormError } from "../forms/field.tsx";
import { textOf, useSubmit } from "../forms/use-submit.ts";
import { useSession } from "../session/session.tsx";
import { LoadStatus, useLoad } from "../use-load.tsx";
import { ApiKeyList } from "./api-key-list.tsx";
import { SCOPES } from "./api-scopes.ts";

const API_KEYS_PAGE = 50;

/** Keys for partners' programs: created with scopes, the secret shown once, revoked at will. */
export function ApiKeysPage() {
  const { client } = useSession();
  const { state, reload } = useLoad((signal) => client.ApiKeys({ first: API_KEYS_PAGE }, undefined, signal));
  const [secret, setSecret] = useState<string | null>(null);
  const { errors, busy, onSubmit } = useSubmit(async (data) => {
    const scopes = SCOPES.map((s) => s.scope).filter((scope) => data.getAll("scopes").includes(scope));
    const { createApiKey } = await client.CreateApiKey({
      input: { name: textOf(data, "name").trim(), scopes },
    });
    setSecret(createApiKey.secret);
    if (createApiKey.secret) reload();
    return fieldErrors(createApiKey.userErrors);
  });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">کلیدهای API</h1>
      <p>برنامه‌های شرکا با این کلیدها و SDK پیکربند کار می‌کنند.</p>
      {secret ? (
        <div class="notice" role="status">
          <p>کلید تازه؛ همین حالا آن را نگه دارید، دیگر نمایش داده نمی‌شود:</p>
          <code dir="ltr" data-api-key-secret>
            {secret}
          </code>
        </div>
      ) : null}
      <form class="form" onSubmit={onSubmit} noValidate aria-labelledby="create-key-title">
        <h2 id="create-key-title">ساخت کلید</h2>
        <FormError errors={errors} />
        <Field name="name" label="نام کلید" required errors={errors} />
        <fieldset aria-describedby={errors["scopes"] ? "scopes-error" : undefined}>
          <legend>دسترسی‌ها</legend>
          {SCOPES.map(({ scope, label }) => (
            <label key={scope} class="choice">
              <input type="checkbox" name="scopes" value={scope} /> {label}
            </label>
          ))}
          {errors["scopes"] ? (
            <p id="scopes-error" class="field-error">
              {errors["scopes"]}
            </p>
          ) : null}
        </fieldset>
        <button class="button" type="submit" disabled={busy}>
          ساخت کلید
        </button>
      </form>
      <LoadStatus state={state} />
      {state.status === "ready" ? <ApiKeyList keys={state.data.apiKeys.nodes} onRevoked={reload} /> : null}
    </section>
  );
}
