/** Shown once, right after 2FA is turned on: the API never returns them again. */
export function RecoveryCodes({
  codes,
  onDone,
}: {
  readonly codes: readonly string[];
  readonly onDone: () => void;
}) {
  return (
    <div class="notice" role="status">
      <h2>کدهای بازیابی</h2>
      <p>
        این کدها را جایی امن نگه دارید. اگر به برنامهٔ احراز هویت دسترسی نداشتید، با هر کدام یک بار می‌توانید
        وارد شوید. این فهرست دیگر نمایش داده نمی‌شود.
      </p>
      <ul class="recovery-codes" dir="ltr">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button class="button" type="button" onClick={onDone}>
        آن‌ها را نگه داشتم
      </button>
    </div>
  );
}
