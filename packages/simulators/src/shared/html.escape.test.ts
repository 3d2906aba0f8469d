import { describe, expect, it } from "vitest";
import { escapeHtml } from "./html.escape.ts";

describe("escapeHtml", () => {
  it("escapes what could end an element or an attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
    expect(escapeHtml("پرداخت ۱۰۰")).toBe("پرداخت ۱۰۰");
  });
});
