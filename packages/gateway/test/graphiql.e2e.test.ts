import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/test-app.ts";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const HEALTH = "{ health { sandbox } }";

/** Every script, stylesheet, font, image or frame the page would make a browser fetch. */
function loadedUrls(html: string): string[] {
  const attributes = [...html.matchAll(/\s(?:src|href)\s*=\s*"([^"]*)"/g)].map((match) => match[1] ?? "");
  const cssUrls = [...html.matchAll(/url\(\s*['"]?([^'")]+)/g)].map((match) => match[1] ?? "");
  const imports = [...html.matchAll(/@import\s+['"]([^'"]+)/g)].map((match) => match[1] ?? "");
  return [...attributes, ...cssUrls, ...imports];
}

describe("GraphiQL at GET /graphql (development, test, sandbox)", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(async () => {
    await test?.close();
  });

  it("serves a page whose every asset is same-origin and answers 200 with its content type", async () => {
    const response = await fetch(test.app.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('id="graphiql"');

    const origin = new URL(test.app.url).origin;
    const urls = loadedUrls(html).map((url) => new URL(url, test.app.url));
    expect(urls.map((url) => url.pathname).sort()).toEqual(
      [
        "/graphiql/graphiql.css",
        "/graphiql/graphiql.js",
        "/graphiql/react-dom.js",
        "/graphiql/react.js",
        "/graphiql/setup.js",
      ].sort(),
    );
    for (const url of urls) {
      expect(url.origin, url.href).toBe(origin);
      const asset = await fetch(url);
      expect(asset.status, url.href).toBe(200);
      const body = await asset.text();
      expect(body.length, url.href).toBeGreaterThan(100);
      expect(asset.headers.get("content-type"), url.href).toMatch(
        url.pathname.endsWith(".css") ? /^text\/css/ : /^text\/javascript/,
      );
      // No stylesheet reaches out either (fonts, imports): only data: URLs and relative ones.
      if (url.pathname.endsWith(".css")) {
        for (const inner of loadedUrls(body))
          expect(inner, `${url.pathname}: ${inner}`).toMatch(/^(data:|#)/);
      }
    }
  });

  it("answers an unknown asset with the JSON 404 and never serves outside its list", async () => {
    for (const path of ["/graphiql/nothing.js", "/graphiql/constructor", "/graphiql/..%2Fpackage.json"]) {
      const response = await fetch(new URL(path, test.app.url));
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toMatch(/^application\/json/);
    }
  });

  it("leaves GET /graphql with a query to Apollo, with its CSRF rule, as before", async () => {
    const url = `${test.app.url}?query=${encodeURIComponent(HEALTH)}`;
    const preflighted = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toMatchObject({ data: { health: { sandbox: true } } });

    const json = await fetch(url, {
      headers: { accept: "application/json", "apollo-require-preflight": "true" },
    });
    expect(await json.json()).toMatchObject({ data: { health: { sandbox: true } } });

    // A simple GET (what a cross-site page can send) is still refused by Apollo's CSRF prevention.
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
  });

  it("still takes POSTed GraphQL at the same path", async () => {
    const response = await fetch(test.app.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: BROWSER_ACCEPT },
      body: JSON.stringify({ query: HEALTH }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { health: { sandbox: true } } });
  });
});

describe("GraphiQL in production", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({
      NODE_ENV: "production",
      JWT_SIGNING_KEYS: `k1:${randomBytes(32).toString("base64url")}`,
      SECRET_BOX_KEY: randomBytes(32).toString("base64"),
    });
  });
  afterAll(async () => {
    await test?.close();
  });

  it("serves no page and no assets, and loads nothing from a CDN", async () => {
    const page = await fetch(test.app.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.headers.get("content-type")).not.toMatch(/^text\/html/);
    const body = await page.text();
    expect(body).not.toMatch(/<html|<script|apollographql|googleapis/i);

    const asset = await fetch(new URL("/graphiql/graphiql.js", test.app.url));
    expect(asset.status).toBe(404);
  });
});
