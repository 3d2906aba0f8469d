import express from "express";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { landingPageRoutes } from "./landing-page.routes.ts";

describe("the landing page route", () => {
  let dir: string;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "peykarband-landing-"));
    const app = express();
    app.use(landingPageRoutes(dir));
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it("says how to build the page while it is not built, and keeps answering", async () => {
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await response.text()).toContain("npx -y pnpm@12.21.0 build:web");
  });

  it("serves the build as soon as it exists: the page revalidated, the hashed assets kept", async () => {
    await mkdir(join(dir, "assets"));
    await writeFile(join(dir, "index.html"), '<html lang="fa" dir="rtl"><body>پیکربند</body></html>');
    await writeFile(join(dir, "assets", "index-abc123.js"), "export {};");

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("cache-control")).toBe("no-cache");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await page.text()).toContain("پیکربند");

    const script = await fetch(`${url}/assets/index-abc123.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("answers every dashboard page under /app with the dashboard's HTML, one segment deep", async () => {
    await mkdir(join(dir, "app"), { recursive: true });
    await writeFile(join(dir, "app", "index.html"), '<html lang="fa" dir="rtl"><body>داشبورد</body></html>');

    for (const path of ["/app", "/app/", "/app/wallet", "/app/servers"]) {
      const page = await fetch(`${url}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.headers.get("cache-control"), path).toBe("no-cache");
      expect(page.headers.get("content-security-policy"), path).toContain("connect-src 'self'");
      expect(await page.text(), path).toContain("داشبورد");
    }
    // Deeper paths would break the relative asset URLs, so they are not the dashboard's.
    expect((await fetch(`${url}/app/servers/1`)).status).toBe(404);
  });
});
