import axe, { type AxeResults } from "axe-core";
import type { Page } from "playwright-core";

/** The page's serious and critical axe-core violations (contrast included), one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the page's Content-Security-Policy allows no inline script.
  await page.evaluate(axe.source);
  // Expressions rather than functions: this script is type-checked without the DOM's types.
  const results = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
