import { FAQ } from "../content/faq.ts";

/** Native disclosure widgets: they open with the keyboard and read without JavaScript. */
export function Faq() {
  return (
    <section id="faq" aria-labelledby="faq-title">
      <h2 id="faq-title">پرسش‌های پرتکرار</h2>
      {FAQ.map(({ question, answer }) => (
        <details key={question}>
          <summary>{question}</summary>
          <p>{answer}</p>
        </details>
      ))}
    </section>
  );
}
