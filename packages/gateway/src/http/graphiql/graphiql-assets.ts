import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
/** Their package.json is exported even where the bundles are not: the folder is found through it. */
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

export interface GraphiqlAsset {
  readonly file: string;
  readonly type: "text/javascript" | "text/css";
}

/**
 * Everything the page loads, from packages installed with the project: no CDN, so the page works
 * offline and where the CDNs are blocked. React 18 and GraphiQL 3 are the last lines that ship
 * prebuilt browser bundles (UMD), so no bundler is needed.
 */
export const GRAPHIQL_ASSETS: Readonly<Record<string, GraphiqlAsset>> = {
  "react.js": { file: join(packageDir("react"), "umd/react.production.min.js"), type: "text/javascript" },
  "react-dom.js": {
    file: join(packageDir("react-dom"), "umd/react-dom.production.min.js"),
    type: "text/javascript",
  },
  "graphiql.js": { file: join(packageDir("graphiql"), "graphiql.min.js"), type: "text/javascript" },
  "graphiql.css": { file: join(packageDir("graphiql"), "graphiql.min.css"), type: "text/css" },
  "setup.js": {
    file: join(dirname(fileURLToPath(import.meta.url)), "graphiql-setup.js"),
    type: "text/javascript",
  },
};
