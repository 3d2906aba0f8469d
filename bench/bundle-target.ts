import { build, type Plugin } from "esbuild";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { nodeCryptoHashes, SERVER_BUNDLING } from "../scripts/bundle-server.ts";

/** Code reading files relative to `import.meta.url` keeps reading them beside its source. */
const sourceUrls: Plugin = {
  name: "source-import-meta-url",
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const text = await readFile(path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      return {
        contents: text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href)),
        loader: "ts",
      };
    });
  },
};

/**
 * BENCH_BUNDLE=1: a target runs as one esbuild bundle under plain node, as production runs the
 * gateway (packages/gateway/dist/main.js), instead of through tsx's loader, whose resolver every
 * `require` and `import` of the running code then goes through. Written under the gateway package's
 * node_modules so that the externals resolve as the production bundle's do, and with its hashing
 * (every target alike, baselines too). Decorator metadata is
 * not emitted (as under tsx): type-graphql is given every type explicitly.
 */
export async function bundleTarget(script: string): Promise<string> {
  const root = resolve(dirname(script), "../..");
  const outfile = join(
    root,
    "packages/gateway/node_modules/.cache/bench",
    basename(script).replace(/\.ts$/, ".mjs"),
  );
  await build({
    entryPoints: [script],
    outfile,
    ...SERVER_BUNDLING,
    banner: {
      js: 'import { createRequire as __benchCreateRequire } from "node:module"; const require = __benchCreateRequire(import.meta.url);',
    },
    plugins: [sourceUrls, nodeCryptoHashes],
    logLevel: "warning",
  });
  return outfile;
}
