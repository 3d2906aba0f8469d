import { build, type BuildOptions, type Plugin } from "esbuild";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname, relative, sep } from "node:path";

// Bundles tsc's output of the server (which keeps the decorator metadata type-graphql reads) into one
// file per entry point and chunks (code both entries use, and what is imported lazily): a start then
// loads 16 files instead of some two thousand, which was most of its CPU (docs/performance.md,
// "Start-up").

/**
 * Loaded from node_modules at run time rather than bundled: native code (argon2), WebAssembly and
 * data files read beside the module (PGlite, pdfkit's font metrics). The gateway package depends on
 * them too, so that the bundle in packages/gateway/dist resolves them.
 */
const EXTERNAL = ["argon2", "@electric-sql/pglite", "pdfkit"];

/** Stands for the repository root in every output file; each file gets its own relative path. */
const ROOT_MARK = "__PEYKARBAND_ROOT__";

/**
 * Code that reads files relative to `import.meta.url` (migrations, the catalog, the landing page,
 * GraphiQL's files, package.json) keeps reading them where it did from `src/`: `import.meta.url`
 * becomes the URL of the module's own source file, found from the output file's place.
 */
function sourceUrls(root: string, stagedDir: (pkg: string) => string): Plugin {
  return {
    name: "source-import-meta-url",
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /\.js$/ }, async ({ path }) => {
        const fromRoot = relative(root, path).split(sep);
        const pkg = fromRoot[1] ?? "";
        if (fromRoot[0] !== "packages" || !path.startsWith(stagedDir(pkg) + sep)) return undefined;
        const text = await readFile(path, "utf8");
        if (!text.includes("import.meta.url")) return { contents: text, loader: "js" };
        const source = ["packages", pkg, "src", ...relative(stagedDir(pkg), path).split(sep)]
          .join("/")
          .replace(/\.js$/, ".ts");
        const url = `new URL(${JSON.stringify(source)}, ${ROOT_MARK}).href`;
        return { contents: text.replaceAll("import.meta.url", url), loader: "js" };
      });
    },
  };
}

/**
 * Apollo hashes every operation's text through @apollo/utils.createhash, which takes node:crypto
 * only when `module.require` exists. In a bundle it does not (esbuild's CommonJS wrapper gives a
 * module only its exports), so every hash went through sha.js, SHA-256 written in JavaScript, at
 * some 3 µs a request. The same function, straight from node:crypto.
 */
export const nodeCryptoHashes: Plugin = {
  name: "node-crypto-hashes",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@apollo\/utils\.createhash$/ }, () => ({
      path: "createhash",
      namespace: "node-crypto-hashes",
    }));
    pluginBuild.onLoad({ filter: /.*/, namespace: "node-crypto-hashes" }, () => ({
      contents: 'export { createHash } from "node:crypto";',
      loader: "js",
    }));
  },
};

/** How server code is bundled, whatever the entry: the build's, and the benchmark's (bench/bundle-target.ts). */
export const SERVER_BUNDLING = {
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // type-graphql names GraphQL types after their classes: esbuild must not rename a class
  // that another module's class of the same name would clash with.
  keepNames: true,
  // ES module builds first: graphql's `main` is CommonJS, and a CommonJS module imported from
  // ES modules is wrapped again for each importer, copying all its exports each time.
  mainFields: ["module", "main"],
  external: EXTERNAL,
} satisfies BuildOptions;

/**
 * Bundles `entries` (output name → staged tsc output) into `outdir`. CommonJS libraries inside an
 * ES module bundle need `require`; every output file learns the repository root relative to itself.
 */
export async function bundleServer(options: {
  readonly root: string;
  readonly outdir: string;
  readonly entries: Readonly<Record<string, string>>;
  readonly stagedDir: (pkg: string) => string;
}): Promise<void> {
  const result = await build({
    entryPoints: options.entries,
    outdir: options.outdir,
    chunkNames: "chunks/[name]-[hash]",
    ...SERVER_BUNDLING,
    splitting: true,
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
    sourcemap: "linked",
    banner: {
      js: [
        'import { createRequire as __peykarbandCreateRequire } from "node:module";',
        "const require = __peykarbandCreateRequire(import.meta.url);",
        `const ${ROOT_MARK} = new URL("${ROOT_MARK}", import.meta.url);`,
      ].join(" "),
    },
    plugins: [sourceUrls(options.root, options.stagedDir), nodeCryptoHashes],
    logLevel: "warning",
    write: false,
  });
  for (const file of result.outputFiles) {
    await mkdir(dirname(file.path), { recursive: true });
    if (!file.path.endsWith(".js")) {
      await writeFile(file.path, file.contents);
      continue;
    }
    const toRoot = relative(dirname(file.path), options.root).split(sep).join("/");
    await writeFile(file.path, file.text.replace(`new URL("${ROOT_MARK}"`, `new URL("${toRoot}/"`));
  }
}
