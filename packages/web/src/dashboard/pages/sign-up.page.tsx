import { useLocation } from "preact-iso";
import { fieldErrors } from "../forms/field-errors.ts";
import { Field, FormError } from "../forms/field.tsx";
import { textOf, useSubmit } from "../forms/use-submit.ts";
import { PATHS } from "../paths.ts";
import { useSession } from "../session/session.tsx";

/** Sign-up signs in at once; the wallet comes next, since a server is paid from it. */
export function SignUpPage() {
  const { client } = useSession();
  const { route } = useLocation();
  const { errors, busy, onSubmit } = useSubmit(async (data) => {
    const phone = textOf(data, "phone");
    const { registerUser } = await client.RegisterUser({
      input: {
        email: textOf(data, "email"),
        password: textOf(data, "password"),
        ...(phone ? { phone } : {}),
      },
    });
    if (registerUser.session) route(PATHS.wallet);
    return fieldErrors(registerUser.userErrors);
  });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">ساخت حساب</h1>
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
          autocomplete="new-password"
          dir="ltr"
          required
          hint="دست‌کم ۱۰ نویسه."
          errors={errors}
        />
        <Field
          name="phone"
          label="شمارهٔ همراه (اختیاری)"
          type="tel"
          autocomplete="tel"
          dir="ltr"
          hint="برای پیامک‌های صورتحساب؛ مانند ۰۹۱۲۱۲۳۴۵۶۷."
          errors={errors}
        />
        <button class="button" type="submit" disabled={busy}>
          ساخت حساب
        </button>
      </form>
      <p>
        حساب دارید؟ <a href={PATHS.signIn}>وارد شوید</a>
      </p>
    </section>
  );
}
