import { useState } from "preact/hooks";
import { renderSVG } from "uqr";
import { fieldErrors, latinDigits } from "../forms/field-errors.ts";
import { Field, FormError } from "../forms/field.tsx";
import { textOf, useSubmit } from "../forms/use-submit.ts";
import { useSession } from "../session/session.tsx";
import { RecoveryCodes } from "./recovery-codes.tsx";

interface Started {
  readonly otpauthUri: string;
  readonly secret: string;
}

/** The QR code as an image: the page's Content-Security-Policy allows data: images, not inline markup. */
const qrImage = (uri: string): string => `data:image/svg+xml,${encodeURIComponent(renderSVG(uri))}`;

/** Password, then a QR code for the authenticator app, then its first code; recovery codes once. */
export function TwoFactorSetup({ onEnabled }: { readonly onEnabled: () => void }) {
  const { client } = useSession();
  const [started, setStarted] = useState<Started | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);
  const start = useSubmit(async (data) => {
    const { startTwoFactorSetup } = await client.StartTwoFactorSetup({
      input: { password: textOf(data, "password") },
    });
    const { otpauthUri, secret } = startTwoFactorSetup;
    if (otpauthUri && secret) setStarted({ otpauthUri, secret });
    return fieldErrors(startTwoFactorSetup.userErrors);
  });
  const confirm = useSubmit(async (data) => {
    const { confirmTwoFactorSetup } = await client.ConfirmTwoFactorSetup({
      input: { code: latinDigits(textOf(data, "code").trim()) },
    });
    if (confirmTwoFactorSetup.recoveryCodes) setRecoveryCodes(confirmTwoFactorSetup.recoveryCodes);
    return fieldErrors(confirmTwoFactorSetup.userErrors);
  });
  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={onEnabled} />;
  if (!started)
    return (
      <form key="password" class="form" onSubmit={start.onSubmit} noValidate>
        <FormError errors={start.errors} />
        <Field
          name="password"
          label="رمز عبور کنونی"
          type="password"
          autocomplete="current-password"
          dir="ltr"
          required
          errors={start.errors}
        />
        <button class="button" type="submit" disabled={start.busy}>
          شروع فعال‌سازی
        </button>
      </form>
    );
  return (
    <form key="code" class="form" onSubmit={confirm.onSubmit} noValidate>
      <p>این کد را با برنامهٔ احراز هویت (مانند Google Authenticator) بخوانید:</p>
      <img
        class="qr"
        src={qrImage(started.otpauthUri)}
        alt="کد QR برای برنامهٔ احراز هویت"
        width={200}
        height={200}
      />
      <p>
        یا این کلید را دستی وارد کنید: <code dir="ltr">{started.secret}</code>
      </p>
      <FormError errors={confirm.errors} />
      <Field
        name="code"
        label="کد شش‌رقمی برنامه"
        inputMode="numeric"
        autocomplete="one-time-code"
        dir="ltr"
        required
        errors={confirm.errors}
      />
      <button class="button" type="submit" disabled={confirm.busy}>
        فعال‌سازی
      </button>
    </form>
  );
}
