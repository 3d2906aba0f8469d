export function CallToAction() {
  return (
    <section id="signup" class="call-to-action" aria-labelledby="signup-title">
      <h2 id="signup-title">همین امروز سرور بسازید</h2>
      <p>
        با یک ایمیل و رمز عبور حساب بسازید، کیف پول را با درگاه بانکی شارژ کنید و در چند دقیقه سرور تحویل
        بگیرید. پنل کاربری به‌زودی در همین نشانی باز می‌شود؛ تا آن زمان ثبت‌نام و سفارش با API پیکربند و SDK
        آن انجام می‌شود.
      </p>
    </section>
  );
}
