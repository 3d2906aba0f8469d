import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { testDatabases } from "@peykarband/infrastructure/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedUpReseller } from "./support/resellers.ts";
import { startTestApp, type TestApp } from "./support/test-app.ts";
import { startWebhookSandbox } from "./support/webhook-sandbox.ts";

const run = promisify(execFile);
const SDK = fileURLToPath(new URL("../../sdk/", import.meta.url));
const SCRIPTS = fileURLToPath(new URL("./sdk-package/", import.meta.url));

/**
 * The SDK as a partner gets it: packed by pnpm, installed by npm into a directory outside the
 * workspace, imported by plain Node and type-checked by stock tsc, against the real gateway.
 * The child processes run asynchronously: the gateway answering them lives in this process.
 */
describe("the packed SDK in a partner's project", () => {
  let t: TestApp;
  let project: string;
  beforeAll(async () => {
    t = await startTestApp();
    project = mkdtempSync(join(tmpdir(), "pk-sdk-partner-"));
    await run("pnpm", ["pack", "--pack-destination", project], { cwd: SDK });
    const tarball = readdirSync(project).find((name) => name.endsWith(".tgz"));
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "partner", private: true, type: "module" }),
    );
    await run(
      "npm",
      [
        "install",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        `./${tarball}`,
        "typescript@6.0.3",
        "@types/node@22.20.5",
        // packages/sdk/README.md: Node 20 has no global WebSocket.
        "ws@8.23.0",
      ],
      { cwd: project },
    );
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  const env = (email: string) => ({ ...process.env, API_URL: t.app.url, EMAIL: email });

  it("runs under plain Node as JavaScript", async () => {
    copyFileSync(join(SCRIPTS, "partner-script.mjs"), join(project, "partner.mjs"));
    const { stdout } = await run(process.execPath, ["partner.mjs"], {
      cwd: project,
      env: env("js@example.com"),
    });
    expect(JSON.parse(stdout)).toEqual({
      signedUp: true,
      viewer: "js@example.com",
      refusal: "INVALID_CREDENTIALS",
      knownCode: true,
      webhook: true,
    });
  }, 60_000);

  it("type-checks under stock tsc (strict, NodeNext) and runs", async () => {
    copyFileSync(join(SCRIPTS, "partner-script.ts"), join(project, "partner.ts"));
    const tsconfig = {
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        types: ["node"],
        outDir: "out",
      },
      files: ["partner.ts"],
    };
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify(tsconfig));
    await run(process.execPath, [join(project, "node_modules/typescript/bin/tsc"), "-p", "."], {
      cwd: project,
    });

    const { stdout } = await run(process.execPath, ["out/partner.js"], {
      cwd: project,
      env: env("ts@example.com"),
    });
    expect(JSON.parse(stdout)).toEqual({
      refusal: null,
      viewer: "ts@example.com",
      sandbox: true,
      watcher: "function",
    });
  }, 120_000);

  it("runs the README's reseller walkthrough: a customer, its funds, its server, ACTIVE by webhook and by subscription", async () => {
    // A live sandbox with its worker, so the server comes up and webhooks go out (to loopback).
    const database = await testDatabases()[0]!.open();
    const sandbox = await startWebhookSandbox(database, "correct horse battery");
    try {
      const reseller = await signedUpReseller(sandbox.app.url, sandbox.admin, "correct horse battery");
      // Exactly the scopes the README's reseller section names.
      const { createApiKey } = await reseller.client.CreateApiKey({
        input: {
          name: "partner",
          scopes: ["CUSTOMERS_WRITE", "SERVERS_WRITE", "SERVERS_READ", "WEBHOOKS_WRITE"],
        },
      });
      expect(createApiKey.userErrors).toEqual([]);
      await reseller.client.dispose();
      copyFileSync(join(SCRIPTS, "partner-reseller.mjs"), join(project, "reseller.mjs"));
      const { stdout } = await run(process.execPath, ["reseller.mjs"], {
        cwd: project,
        env: {
          ...process.env,
          API_URL: sandbox.app.url,
          PEYKARBAND_API_KEY: createApiKey.secret!,
          EMAIL: "shop@example.ir",
        },
      });
      const walked = JSON.parse(stdout) as { serverId: string };
      expect(walked).toEqual({
        customerBalance: "20000000",
        subscription: "ACTIVE",
        webhook: { type: "SERVER_STATUS_CHANGED", serverId: walked.serverId, status: "ACTIVE" },
        servers: [{ id: walked.serverId, status: "ACTIVE" }],
        serverId: walked.serverId,
      });
    } finally {
      await sandbox.close();
      await database.close();
    }
  }, 120_000);
});
