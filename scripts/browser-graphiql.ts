/**
 * `pnpm check:graphiql`: opens GraphiQL at /graphql in headless Chromium against `main.ts` on the
 * embedded default, and checks that the page loads nothing from another origin, that a query runs
 * with the token typed into its Headers tab, and that a subscription reaches the WebSocket signed
 * in (refused without the token). Needs a Chromium: Debian's or CHROMIUM_PATH. Screenshots go to
 * BROWSER_CHECK_OUT, else a new temporary directory. See docs/api.md, "GraphiQL".
 */
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startSandboxApi, type SandboxApi } from "./sandbox-api.ts";

const RESULT_TIMEOUT_MS = 15_000;

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function registerUser(api: SandboxApi): Promise<{ email: string; token: string }> {
  const email = `graphiql-${Date.now()}@example.com`;
  const response = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation ($input: RegisterUserInput!) { registerUser(input: $input) { session { accessToken } } }`,
      variables: { input: { email, password: "correct horse battery", phone: "09121234567" } },
    }),
  });
  const body = (await response.json()) as {
    data?: { registerUser: { session: { accessToken: string } | null } };
  };
  const token = body.data?.registerUser.session?.accessToken;
  check(token, `registerUser failed: ${JSON.stringify(body)}`);
  return { email, token };
}

/** Opens the page and fails on any request that leaves the API's origin. */
async function openGraphiql(browser: Browser, api: SandboxApi, foreign: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const origin = new URL(api.url);
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.host !== origin.host) foreign.push(request.url());
  });
  page.on("pageerror", (error) => foreign.push(`page error: ${error.message}`));
  await page.goto(`${api.url}/graphql`);
  await page.waitForSelector(".graphiql-execute-button");
  return page;
}

async function typeInto(page: Page, editor: string, text: string): Promise<void> {
  await page.locator(`${editor} .CodeMirror`).last().click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
}

async function setToken(page: Page, token: string): Promise<void> {
  await page.getByText("Headers", { exact: true }).click();
  await typeInto(page, ".graphiql-editor-tool", `{"Authorization": "Bearer ${token}"`);
}

/**
 * GraphiQL takes the operation to run from its state once an edit settles (debounced, then saved
 * as `graphiql:query`); a click before that runs the previous document.
 */
async function editSettled(page: Page, source: string): Promise<void> {
  await page.waitForFunction((text) => localStorage.getItem("graphiql:query") === text, source, {
    timeout: RESULT_TIMEOUT_MS,
  });
}

/** Types a document, runs it, and waits until the result pane shows `expected`. */
async function run(page: Page, source: string, expected: string): Promise<string> {
  await typeInto(page, ".graphiql-query-editor", source);
  await editSettled(page, source);
  await page.click(".graphiql-execute-button");
  await page.locator(".result-window", { hasText: expected }).waitFor({ timeout: RESULT_TIMEOUT_MS });
  return (await page.locator(".result-window").textContent()) ?? "";
}

async function main(): Promise<void> {
  const out =
    process.env["BROWSER_CHECK_OUT"] ?? (await mkdtemp(join(tmpdir(), "peykarband-graphiql-check-")));
  await mkdir(out, { recursive: true });
  const api = await startSandboxApi(join(out, "api.log"));
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium" });
    const { email, token } = await registerUser(api);
    const foreign: string[] = [];

    const anonymous = await openGraphiql(browser, api, foreign);
    await anonymous.screenshot({ path: join(out, "1-graphiql.png") });
    await run(anonymous, "subscription Watch { serverStatusChanged { status } }", "Sign in first");
    console.log("OK a subscription without a token is refused: Sign in first");
    await anonymous.close();

    const signedIn = await openGraphiql(browser, api, foreign);
    await setToken(signedIn, token);
    await run(signedIn, "query Me { viewer { email } }", email);
    console.log(`OK viewer with the token from the Headers tab: ${email}`);
    await signedIn.screenshot({ path: join(out, "2-viewer.png") });

    const frames: string[] = [];
    signedIn.on("websocket", (socket) =>
      socket.on("framereceived", (frame) => frames.push(String(frame.payload))),
    );
    await typeInto(
      signedIn,
      ".graphiql-query-editor",
      "subscription Watch { serverStatusChanged { status } }",
    );
    await editSettled(signedIn, "subscription Watch { serverStatusChanged { status } }");
    await signedIn.click(".graphiql-execute-button");
    // The run button turns into a stop button while the subscription runs.
    await signedIn.locator(".graphiql-execute-button svg rect").waitFor({ timeout: RESULT_TIMEOUT_MS });
    const deadline = Date.now() + RESULT_TIMEOUT_MS;
    while (!frames.some((frame) => frame.includes("connection_ack")) && Date.now() < deadline) {
      await signedIn.waitForEvent("websocket", { timeout: 500 }).catch(() => undefined);
    }
    check(
      frames.some((frame) => frame.includes("connection_ack")),
      `no connection_ack: ${frames.join(" | ")}`,
    );
    const result = (await signedIn.locator(".result-window").textContent()) ?? "";
    check(!result.includes("errors"), `the signed-in subscription failed: ${result}`);
    console.log("OK the signed-in subscription is acknowledged and running over graphql-ws");
    await signedIn.screenshot({ path: join(out, "3-subscription.png") });

    check(foreign.length === 0, `requests to other origins or page errors:\n${foreign.join("\n")}`);
    console.log("OK nothing loaded from another origin");
  } finally {
    await browser?.close();
    await api.stop();
    console.log(`screenshots and api.log in ${out}`);
  }
}

await main().catch((error: unknown) => {
  console.error(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
