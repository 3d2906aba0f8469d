import { createLogger, loadConfig, type Config, type Database } from "@peykarband/infrastructure";
import { startPaymentSimulators, type PaymentSimulators } from "@peykarband/simulators";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAdmin } from "../../src/cli/create-admin.command.ts";
import { stepUpSession } from "./step-up.ts";
import { createApp, type App } from "../../src/composition/create-app.ts";
import { createTestSdk, type TestSdkClient } from "./sdk-client.ts";

export interface WalletApp {
  readonly app: App;
  readonly config: Config;
  /** The gateways' simulators the app talks to, for faults and assertions. */
  readonly simulators: PaymentSimulators;
  /** Where the app listens, without /graphql: the callback routes hang off it. */
  readonly origin: string;
  /** Messages the app logged at error level. */
  readonly loggedErrors: string[];
  close(): Promise<void>;
}

/** The real app over a database from `testDatabases()`, its gateways pointed at simulators of our own. */
export async function startWalletApp(database: Database, env: NodeJS.ProcessEnv = {}): Promise<WalletApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "pk-wallet-"));
  const config = loadConfig({ NODE_ENV: "test", HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, ...env });
  const simulators = await startPaymentSimulators();
  const loggedErrors: string[] = [];
  const logger = createLogger(config);
  const app = await createApp(config, {
    database,
    logger: {
      info: (message, meta) => logger.info(message, meta),
      warn: (message, meta) => logger.warn(message, meta),
      error: (message, meta) => {
        loggedErrors.push(message);
        return logger.error(message, meta);
      },
    } as typeof logger,
    paymentSimulators: simulators,
    paymentGatewayTiming: { connectTimeoutMs: 1_000, requestTimeoutMs: 1_000, maxRetries: 0 },
  });
  return {
    app,
    config,
    simulators,
    origin: new URL(app.url).origin,
    loggedErrors,
    async close() {
      await app.close();
      await simulators.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What the payer's browser sent to our callback route, to send it again. */
export interface CallbackRequest {
  readonly method: "GET" | "POST";
  readonly url: string;
  readonly form?: Record<string, string>;
}

const FORM = { "content-type": "application/x-www-form-urlencoded" };

/** Plays the payer's browser on the gateway's page: loads it, presses pay or cancel. */
export async function decideOnGatewayPage(
  redirectUrl: string,
  decision: "pay" | "cancel",
): Promise<CallbackRequest> {
  const page = await fetch(redirectUrl);
  if (page.status !== 200) throw new Error(`payment page answered ${page.status}`);
  await page.text();
  const decided = await fetch(redirectUrl, {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams({ decision }).toString(),
    redirect: "manual",
  });
  const location = decided.headers.get("location");
  if (decided.status === 302 && location) return { method: "GET", url: new URL(location, redirectUrl).href };
  return readAutoSubmitForm(await decided.text());
}

/** IDPay's self-submitting return form, as a browser would post it. */
function readAutoSubmitForm(html: string): CallbackRequest {
  const action = /<form id="return" method="post" action="([^"]*)">/.exec(html)?.[1];
  if (action === undefined) throw new Error("no return form in the page");
  const form: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    form[unescapeHtml(name!)] = unescapeHtml(value!);
  }
  return { method: "POST", url: unescapeHtml(action), form };
}

const unescapeHtml = (text: string): string =>
  text
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

/** Sends the callback as the browser does and returns where we send the browser next. */
export async function sendCallback(
  request: CallbackRequest,
): Promise<{ status: number; location: string | null; result: URLSearchParams }> {
  const response = await fetch(request.url, {
    method: request.method,
    redirect: "manual",
    ...(request.form ? { headers: FORM, body: new URLSearchParams(request.form).toString() } : {}),
  });
  await response.text();
  const location = response.headers.get("location");
  return {
    status: response.status,
    location,
    result: new URL(location ?? "/", request.url).searchParams,
  };
}

/** The wallet app on `database` with the administrator root@example.com created, signed in and stepped up. */
export async function startWalletAppWithAdmin(
  database: Database,
  password: string,
): Promise<{ t: WalletApp; admin: TestSdkClient }> {
  const t = await startWalletApp(database);
  await createAdmin(t.config, { email: "root@example.com", password }, database);
  const admin = createTestSdk(t.app.url);
  const { logIn } = await admin.LogIn({ input: { email: "root@example.com", password } });
  await stepUpSession(t.app.url, logIn.session!.accessToken, password);
  return { t, admin };
}
