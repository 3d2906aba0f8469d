import { useCatalog } from "./catalog/use-catalog.ts";
import { CallToAction } from "./sections/call-to-action.tsx";
import { Clouds } from "./sections/clouds.tsx";
import { Faq } from "./sections/faq.tsx";
import { Hero } from "./sections/hero.tsx";
import { Plans } from "./sections/plans.tsx";

/** The landing page: rendered to HTML at build time, hydrated in the browser to read the catalog. */
export function App() {
  const catalog = useCatalog();
  return (
    <>
      <a class="skip-link" href="#main">
        رفتن به محتوا
      </a>
      <header class="site-header">
        <a class="brand" href="./">
          پیکربند
        </a>
        <nav aria-label="بخش‌های صفحه">
          <a href="#clouds">ابرها</a>
          <a href="#plans">قیمت‌ها</a>
          <a href="#faq">پرسش‌ها</a>
        </nav>
      </header>
      <main id="main">
        <Hero />
        <Clouds state={catalog} />
        <Plans state={catalog} />
        <Faq />
        <CallToAction />
      </main>
      <footer class="site-footer">
        <p>پیکربند · سرور ابری با پرداخت ریالی</p>
      </footer>
    </>
  );
}
