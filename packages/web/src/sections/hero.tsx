export function Hero() {
  return (
    <section class="hero" aria-labelledby="hero-title">
      <h1 id="hero-title">سرور ابری در سه ابر جهانی، با پرداخت ریالی</h1>
      <p class="lead">
        در دیجیتال‌اوشن، هتزنر و OVHcloud سرور مجازی بسازید و هزینه را از کیف پول ریالی بپردازید: بدون ارز،
        بدون کارت بین‌المللی، با صورتحساب ساعتی و سقف ماهانه.
      </p>
      <div class="actions">
        <a class="button" href="#signup">
          ساخت حساب
        </a>
        <a class="button secondary" href="#plans">
          دیدن قیمت‌ها
        </a>
      </div>
    </section>
  );
}
