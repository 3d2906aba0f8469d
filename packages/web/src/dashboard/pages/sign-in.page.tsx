import { useLocation } from "preact-iso";
import { useState } from "preact/hooks";
import { fieldErrors } from "../forms/field-errors.ts";
import { Field, FormError } from "../forms/field.tsx";
import { textOf, useSubmit } from "../forms/use-submit.ts";
import { PATHS } from "../paths.ts";
import { useSession } from "../session/session.tsx";

/** Email and password; when the account has 2FA, a code from the app or a recovery code as well. */
export function SignInPage() {
  const { client } = useSession();
  const { route } = useLocation();
  const [needsCode, setNeedsCode] = useState(false);
  const { errors, busy, onSubmit } = useSubmit(async (data) => {
    const code = textOf(data, "totpCode").trim();
    const recovery = textOf(data, "recoveryCode").trim();
    const { logIn } = await client.LogIn({
      input: {
        email: textOf(data, "email"),
        password: textOf(data, "password"),
        ...(code ? { totpCode: code } : {}),
        ...(recovery ? { recoveryCode: recovery } : {}),
      },
    });
    if (logIn.session) {
      route(PATHS.servers);
      return;
    }
    if (logIn.userErrors.some((error) => error.code === "TWO_FACTOR_REQUIRED")) setNeedsCode(true);
    return fieldErrors(logIn.userErrors);
  });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">ورود</h1>
      <form class="form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <Field
          name="email"
          label="ایمیل"
          type="email"
          autocomplete="email"
          dir="ltr"
          required
          errors={errors}
        />
        <Field
          name="password"
          label="رمز عبور"
          type="password"
          autocomplete="current-password"
          dir="ltr"
          required
          errors={errors}
        />
        {needsCode ? (
          <>
            <Field
              name="totpCode"
              label="کد شش‌رقمی برنامهٔ احراز هویت"
              inputMode="numeric"
              autocomplete="one-time-code"
              dir="ltr"
              errors={errors}
            />
            <Field name="recoveryCode" label="یا یکی از کدهای بازیابی" dir="ltr" errors={errors} />
          </>
        ) : null}
        <button class="button" type="submit" disabled={busy}>
          ورود
        </button>
      </form>
      <p>
        حساب ندارید؟ <a href={PATHS.signUp}>حساب بسازید</a>
      </p>
    </section>
  );
}
