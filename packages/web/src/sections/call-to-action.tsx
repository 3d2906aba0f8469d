export function CallToAction() {
  return (
    <section id="signup" class="call-to-action" aria-labelledby="signup-title">
      <h2 id="signup-title">همین امروز سرور بسازید</h2>
      <p>
        با یک ایمیل و رمز عبور حساب بسازید، کیف پول را با درگاه بانکی شارژ کنید و در چند دقیقه سرور تحویل
        بگیرید. همهٔ این کارها در پنل کاربری انجام می‌شود؛ شرکا همین کارها را با API پیکربند و SDK آن می‌کنند.
      </p>
      <div class="actions">
        <a class="button" href="./app/signup">
          ساخت حساب
        </a>
        <a class="button secondary" href="./app/signin">
          ورود به پنل
        </a>
      </div>
    </section>
  );
}
