import express, { Router, type RequestHandler } from "express";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where `build:web` writes the landing page (packages/web/dist). The path is the same from this
 * file's source and from its compiled copy in packages/gateway/dist, which keeps the folder depth.
 */
export const LANDING_PAGE_DIR = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

/** The dashboard's single page, rendered in the browser; its routes are read from the URL there. */
export const DASHBOARD_PAGE = "app/index.html";

/** The page's own files and the API on the same origin; nothing else, so nothing loads from outside. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const NOT_BUILT = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Landing page not built</title></head>
  <body>
    <h1>The landing page is not built</h1>
    <p>Build it with <code>npx -y pnpm@12.21.0 build:web</code> (<code>start</code> does it first), then reload.
    GraphQL is served at <a href="/graphql">/graphql</a>.</p>
  </body>
</html>
`;

/**
 * The dashboard's pages are one segment under /app (`/app/wallet`), so the build's relative asset
 * URLs (`../assets/…` in app/index.html) resolve to /assets from each of them.
 */
const DASHBOARD_PATHS = ["/app", "/app/", "/app/:page"];

/**
 * GET / (the landing page), the dashboard's pages and the hashed assets from the web build. Checked
 * on every request, so a build made while the API runs is served at once, and a missing one is
 * explained instead of crashing.
 */
export function landingPageRoutes(dir: string): Router {
  const router = Router();
  const page =
    (file: string): RequestHandler =>
    (_req, res) => {
      res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
      res.setHeader("x-content-type-options", "nosniff");
      if (!existsSync(join(dir, file))) {
        res
          .status(503)
          .type("text/html; charset=utf-8")
          .setHeader("cache-control", "no-store")
          .send(NOT_BUILT);
        return;
      }
      // The HTML names the current assets: revalidate it, while the hashed assets are kept for a year.
      res.sendFile(file, { root: dir, headers: { "cache-control": "no-cache" } });
    };
  router.get("/", page("index.html"));
  router.get(DASHBOARD_PATHS, page(DASHBOARD_PAGE));
  router.use("/assets", express.static(join(dir, "assets"), { immutable: true, maxAge: "1y", index: false }));
  return router;
}
