/**
 * `pnpm check:browser`: tops up a new user's wallet through both simulated gateways in headless
 * Chromium, against `main.ts` on the embedded default, and checks the result pages, the balance,
 * the ledger entries and the payments in GraphQL. Needs a Chromium: Debian's (`apt-get install
 * chromium`) or CHROMIUM_PATH. Screenshots go to BROWSER_CHECK_OUT, else a new temporary directory.
 * See docs/payments.md, "Checking the flow in a real browser".
 */
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { startSandboxApi, type SandboxApi } from "./sandbox-api.ts";

interface Case {
  readonly gateway: "ZARINPAL" | "IDPAY";
  readonly amount: number;
  readonly decision: "pay" | "cancel";
}

const CASES: readonly Case[] = [
  { gateway: "ZARINPAL", amount: 500_000, decision: "pay" },
  { gateway: "IDPAY", amount: 700_000, decision: "pay" },
  { gateway: "ZARINPAL", amount: 300_000, decision: "cancel" },
  { gateway: "IDPAY", amount: 400_000, decision: "cancel" },
];

/** What each decision must end in: the result page's status and text, and the payment's status. */
const EXPECTED = {
  pay: { status: "PAID", heading: "پرداخت موفق بود", text: "مبلغ به کیف پول شما افزوده شد." },
  cancel: { status: "CANCELLED", heading: "پرداخت لغو شد", text: "پرداخت را لغو کردید و مبلغی کسر نشد." },
} as const;

const BUTTONS = { pay: "پرداخت", cancel: "انصراف" } as const;

const persianNumber = new Intl.NumberFormat("fa-IR");

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function graphql<T>(api: SandboxApi, query: string, variables: object, token?: string): Promise<T> {
  const response = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  check(response.ok && body.data && !body.errors, `GraphQL failed: ${JSON.stringify(body)}`);
  return body.data;
}

async function registerUser(api: SandboxApi): Promise<string> {
  const { registerUser } = await graphql<{
    registerUser: { session: { accessToken: string } | null; userErrors: unknown[] };
  }>(
    api,
    `
      mutation ($input: RegisterUserInput!) {
        registerUser(input: $input) {
          session {
            accessToken
          }
          userErrors {
            code
            message
          }
        }
      }
    `,
    { input: { email: `browser-${randomUUID()}@example.com`, password: "correct horse battery staple" } },
  );
  check(registerUser.session, `registerUser refused: ${JSON.stringify(registerUser.userErrors)}`);
  return registerUser.session.accessToken;
}

async function startTopUp(api: SandboxApi, token: string, c: Case) {
  const { startTopUp } = await graphql<{
    startTopUp: { payment: { id: string } | null; redirectUrl: string | null; userErrors: unknown[] };
  }>(
    api,
    `
      mutation ($input: StartTopUpInput!) {
        startTopUp(input: $input) {
          payment {
            id
          }
          redirectUrl
          userErrors {
            code
            message
          }
        }
      }
    `,
    { input: { amount: String(c.amount), gateway: c.gateway, idempotencyKey: randomUUID() } },
    token,
  );
  check(
    startTopUp.payment && startTopUp.redirectUrl,
    `startTopUp refused: ${JSON.stringify(startTopUp.userErrors)}`,
  );
  return { paymentId: startTopUp.payment.id, redirectUrl: startTopUp.redirectUrl };
}

/**
 * The value beside `label` in a payment page's details list (`<dt>label</dt><dd>value</dd>`). Not a
 * text search: the description row repeats the amount.
 */
function detailOf(page: Page, label: string): Locator {
  return page
    .getByRole("term")
    .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) })
    .locator("xpath=following-sibling::dd[1]");
}

/** Records what a person would notice: script errors, console errors, every page the tab visited. */
function watch(page: Page) {
  const problems: string[] = [];
  const navigations: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    const { url } = message.location();
    // Chromium asks every origin for a favicon; neither the simulators nor the API serve one.
    if (message.type() === "error" && !url.endsWith("/favicon.ico"))
      problems.push(`console error at ${url}: ${message.text()}`);
  });
  page.on("response", (response) => {
    const request = response.request();
    if (!request.isNavigationRequest()) return;
    const url = new URL(response.url());
    navigations.push(`${request.method()} ${url.host}${url.pathname} → ${response.status()}`);
  });
  return { problems, navigations };
}

async function runCase(browser: Browser, api: SandboxApi, token: string, c: Case, out: string, n: number) {
  const { paymentId, redirectUrl } = await startTopUp(api, token, c);
  const page = await browser.newPage({ locale: "fa-IR", viewport: { width: 720, height: 640 } });
  const seen = watch(page);
  const name = `${n}-${c.gateway.toLowerCase()}-${c.decision}`;
  try {
    await page.goto(redirectUrl);
    check((await page.locator("html").getAttribute("dir")) === "rtl", `${name}: payment page is not rtl`);
    const amountText = `${persianNumber.format(c.amount)} ریال`;
    const amount = detailOf(page, "مبلغ");
    check(
      (await amount.isVisible()) && (await amount.textContent())?.trim() === amountText,
      `${name}: the payment page's amount is "${await amount.textContent()}", expected "${amountText}"`,
    );
    const paymentPage = join(out, `${name}-1-gateway.png`);
    await page.screenshot({ path: paymentPage, fullPage: true });

    await page.getByRole("button", { name: BUTTONS[c.decision], exact: true }).click();
    await page.waitForURL((url) => url.origin === api.url && url.pathname === "/payments/result");
    const resultPage = join(out, `${name}-2-result.png`);
    await page.screenshot({ path: resultPage, fullPage: true });

    const expected = EXPECTED[c.decision];
    const status = new URL(page.url()).searchParams.get("status");
    const heading = (await page.getByRole("heading", { level: 1 }).textContent())?.trim();
    check(status === expected.status, `${name}: result status ${status}, expected ${expected.status}`);
    check(heading === expected.heading, `${name}: result page says "${heading}"`);
    check(
      await page.getByRole("main").getByText(expected.text, { exact: true }).isVisible(),
      `${name}: "${expected.text}" not on the result page`,
    );
    check(seen.problems.length === 0, `${name}: ${seen.problems.join("; ")}`);
    return {
      ...c,
      name,
      paymentId,
      heading,
      navigations: seen.navigations,
      screenshots: [paymentPage, resultPage],
    };
  } finally {
    await page.close();
  }
}

interface Statement {
  viewer: {
    wallet: {
      balance: string;
      entries: { nodes: { amount: string; kind: string; reason: string; payment: { id: string } | null }[] };
    };
  };
  payments: {
    nodes: { id: string; gateway: string; status: string; amount: string; referenceId: string | null }[];
  };
}

async function checkStatement(
  api: SandboxApi,
  token: string,
  results: readonly (Case & { paymentId: string })[],
) {
  const statement = await graphql<Statement>(
    api,
    `
      {
        viewer {
          wallet {
            balance
            entries(first: 10) {
              nodes {
                amount
                kind
                reason
                payment {
                  id
                }
              }
            }
          }
        }
        payments(first: 10) {
          nodes {
            id
            gateway
            status
            amount
            referenceId
          }
        }
      }
    `,
    {},
    token,
  );
  const paid = results.filter((r) => r.decision === "pay");
  const { wallet } = statement.viewer;
  const expectedBalance = paid.reduce((sum, r) => sum + r.amount, 0);
  check(wallet.balance === String(expectedBalance), `balance ${wallet.balance}, expected ${expectedBalance}`);

  for (const r of results) {
    const payment = statement.payments.nodes.find((p) => p.id === r.paymentId);
    const entries = wallet.entries.nodes.filter((e) => e.payment?.id === r.paymentId);
    // Zarinpal's verify cannot tell a cancelled session from one not paid yet: it stays PENDING
    // until reconciliation fails it after the payment window (docs/payments.md).
    const expected =
      r.decision === "cancel" && r.gateway === "ZARINPAL" ? "PENDING" : EXPECTED[r.decision].status;
    check(payment?.status === expected, `${r.gateway} payment is ${payment?.status}, expected ${expected}`);
    if (r.decision === "pay") {
      check(payment.referenceId, `${r.gateway} payment has no bank reference`);
      check(
        entries.length === 1 && entries[0]!.kind === "TOP_UP" && entries[0]!.amount === String(r.amount),
        `${r.gateway} top-up: entries ${JSON.stringify(entries)}`,
      );
    } else {
      check(entries.length === 0, `cancelled ${r.gateway} payment has entries ${JSON.stringify(entries)}`);
    }
  }
  return statement;
}

async function main(): Promise<void> {
  const out =
    process.env["BROWSER_CHECK_OUT"] ?? (await mkdtemp(join(tmpdir(), "peykarband-browser-check-")));
  await mkdir(out, { recursive: true });
  const executablePath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
  const api = await startSandboxApi(join(out, "api.log"));
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath });
    const token = await registerUser(api);
    const results = [];
    for (const [i, c] of CASES.entries()) {
      const result = await runCase(browser, api, token, c, out, i + 1);
      results.push(result);
      console.log(`OK ${result.name} (${c.amount} rials): "${result.heading}"`);
      for (const step of result.navigations) console.log(`     ${step}`);
      for (const path of result.screenshots) console.log(`     ${path}`);
    }
    const { viewer, payments } = await checkStatement(api, token, results);
    console.log(`OK wallet balance ${viewer.wallet.balance} rials`);
    for (const e of viewer.wallet.entries.nodes) console.log(`     ${e.kind} ${e.amount}: ${e.reason}`);
    for (const p of payments.nodes)
      console.log(`     payment ${p.gateway} ${p.amount} ${p.status} ref ${p.referenceId}`);
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
