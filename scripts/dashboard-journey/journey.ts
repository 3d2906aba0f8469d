import { join } from "node:path";
import type { Page } from "playwright-core";
import { seriousViolations } from "../browser-axe.ts";
import type { SandboxApi } from "../sandbox-api.ts";

const WIDTHS = [375, 1280] as const;
export const PASSWORD = "correct horse battery staple";

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** One person's tab through the dashboard, and what it noticed on the way. */
export interface Journey {
  readonly page: Page;
  readonly api: SandboxApi;
  readonly out: string;
  readonly email: string;
  readonly shots: string[];
  /** Script and console errors, every GraphQL request over HTTP, WebSockets, scripts loaded. */
  readonly seen: { problems: string[]; graphqlRequests: number; webSockets: string[]; scripts: string[] };
}

export function startJourney(page: Page, api: SandboxApi, out: string, email: string): Journey {
  const seen: Journey["seen"] = { problems: [], graphqlRequests: 0, webSockets: [], scripts: [] };
  page.on("pageerror", (error) => seen.problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    const { url } = message.location();
    // Chromium asks every origin for a favicon; the simulators serve none.
    if (message.type() === "error" && !url.endsWith("/favicon.ico"))
      seen.problems.push(`console error at ${url}: ${message.text()}`);
  });
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/graphql") seen.graphqlRequests += 1;
    if (request.resourceType() === "script") seen.scripts.push(new URL(request.url()).pathname);
  });
  page.on("websocket", (socket) => seen.webSockets.push(socket.url()));
  return { page, api, out, email, shots: [], seen };
}

/** axe-core and a screenshot at both widths, then back to the wide one. */
export async function look({ page, out, shots }: Journey, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const violations = await seriousViolations(page);
    check(violations.length === 0, `${name} at ${width} px, axe-core: ${violations.join("; ")}`);
    const path = join(out, `dashboard-${name}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    shots.push(path);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  console.log(`OK ${name}: no serious axe violation at 375 and 1280 px`);
}

/** Follows a link of the dashboard's menu, as a person would. */
export async function openFromMenu({ page, api }: Journey, label: string, path: string) {
  await page.getByRole("navigation", { name: "پنل کاربری" }).getByRole("link", { name: label }).click();
  await page.waitForURL(`${api.url}${path}`);
}
