import { Router, type RequestHandler } from "express";
import { GRAPHIQL_ASSETS } from "./graphiql-assets.ts";

/** Where the page's scripts and stylesheet are served, beside /graphql. */
export const GRAPHIQL_ASSETS_PATH = "/graphiql";

/** Only the page's own files: the editor talks to /graphql over fetch and WebSocket on this origin. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // CodeMirror and GraphiQL position their panes with inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Peykarband GraphQL</title>
    <link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}/graphiql.css" />
    <style>
      html, body, #graphiql { height: 100%; margin: 0; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="${GRAPHIQL_ASSETS_PATH}/react.js"></script>
    <script src="${GRAPHIQL_ASSETS_PATH}/react-dom.js"></script>
    <script src="${GRAPHIQL_ASSETS_PATH}/graphiql.js"></script>
    <script src="${GRAPHIQL_ASSETS_PATH}/setup.js"></script>
  </body>
</html>
`;

/** GET /graphql from a browser (http/create-http-app.ts routes it here): the GraphiQL page. */
export const graphiqlPage: RequestHandler = (_req, res) => {
  res
    .status(200)
    .type("text/html; charset=utf-8")
    .setHeader("content-security-policy", CONTENT_SECURITY_POLICY)
    .setHeader("cache-control", "no-store")
    .send(PAGE);
};

/** The page's scripts and stylesheet, from the installed packages. */
export function graphiqlAssets(): Router {
  const router = Router();
  router.get("/:name", (req, res, next) => {
    const name = req.params["name"];
    const asset =
      name !== undefined && Object.hasOwn(GRAPHIQL_ASSETS, name) ? GRAPHIQL_ASSETS[name] : undefined;
    if (!asset) {
      next();
      return;
    }
    res.sendFile(asset.file, {
      headers: { "content-type": `${asset.type}; charset=utf-8`, "x-content-type-options": "nosniff" },
      maxAge: "1h",
      // pnpm keeps packages under node_modules/.pnpm, a dot folder that send() hides by default.
      dotfiles: "allow",
    });
  });
  return router;
}
