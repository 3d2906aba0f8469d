import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { bundleServer } from "./bundle-server.ts";

// Compiles the workspace packages the server runs into JavaScript, each into `dist/tsc/` beside its
// `src/` (so each package resolves its libraries from its own node_modules), then bundles that into
// packages/gateway/dist: main.js (the server) and cli/main.js. tsc rather than esbuild for the
// compiling, because type-graphql reads the decorator metadata only tsc emits.

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const PACKAGES = ["domain", "application", "infrastructure", "simulators", "gateway"];
const SCOPE = "@peykarband/";
const BUILD = "dist";
/** tsc's output, bundled and then removed. */
const STAGED = "tsc";

const isSource = (name: string) =>
  name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.endsWith(".d.ts");

/** Files under `dir`, without the test helpers (`testing/`) production never loads. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" ? [] : walk(path);
    return [path];
  });
}

const stagedDir = (name: string) => join(ROOT, "packages", name, BUILD, STAGED);

/** `packages/x/src/a/b.ts` → `packages/x/dist/tsc/a/b.ts` (callers change the extension). */
function builtPath(sourcePath: string): string {
  const path = relative(ROOT, sourcePath).split(sep);
  if (path[0] !== "packages" || path[2] !== "src") throw new Error(`not a package source: ${sourcePath}`);
  return join(stagedDir(path[1] ?? ""), ...path.slice(3));
}

/** Where `@peykarband/x[/sub]` lands in the build, read from the package's own `exports`. */
function builtEntry(specifier: string): string {
  const [, name = "", ...sub] = specifier.split("/");
  const manifest = JSON.parse(readFileSync(join(ROOT, "packages", name, "package.json"), "utf8")) as {
    exports: Record<string, string>;
  };
  const entry = manifest.exports[sub.length ? `./${sub.join("/")}` : "."];
  if (!entry?.startsWith("./src/")) throw new Error(`${specifier}: no source entry in its package.json`);
  return builtPath(join(ROOT, "packages", name, entry)).replace(/\.ts$/, ".js");
}

/** Points imports of workspace packages at their build, relatively, so Node needs no resolution help. */
function workspaceImports(context: ts.TransformationContext): ts.Transformer<ts.SourceFile> {
  const { factory } = context;
  return (file) => {
    const from = dirname(builtPath(file.fileName));
    const rewrite = (specifier: ts.Expression | undefined) => {
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith(SCOPE)) return specifier;
      const path = relative(from, builtEntry(specifier.text)).split(sep).join("/");
      return factory.createStringLiteral(path.startsWith(".") ? path : `./${path}`);
    };
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isImportDeclaration(node)) {
        const specifier = rewrite(node.moduleSpecifier) ?? node.moduleSpecifier;
        return factory.updateImportDeclaration(
          node,
          node.modifiers,
          node.importClause,
          specifier,
          node.attributes,
        );
      }
      if (ts.isExportDeclaration(node)) {
        return factory.updateExportDeclaration(
          node,
          node.modifiers,
          node.isTypeOnly,
          node.exportClause,
          rewrite(node.moduleSpecifier),
          node.attributes,
        );
      }
      return node;
    };
    return factory.updateSourceFile(
      file,
      file.statements.map((statement) => visit(statement) as ts.Statement),
    );
  };
}

/** tsc wrote the map for a file beside its source: point it back at the source from the build. */
function sourceMapFrom(output: string, source: string, text: string): string {
  const map = JSON.parse(text) as { sources: string[] };
  map.sources = [relative(dirname(output), source).split(sep).join("/")];
  return JSON.stringify(map);
}

function compilerOptions(): ts.CompilerOptions {
  const configPath = join(ROOT, "tsconfig.json");
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, configPath);
  return {
    ...options,
    noEmit: false,
    rewriteRelativeImportExtensions: true,
    rootDir: ROOT,
    outDir: ROOT,
    sourceMap: true,
    incremental: false,
  };
}

const started = performance.now();
const files = PACKAGES.flatMap((name) => walk(join(ROOT, "packages", name, "src")));
for (const name of PACKAGES) rmSync(join(ROOT, "packages", name, BUILD), { recursive: true, force: true });

const program = ts.createProgram({ rootNames: files.filter(isSource), options: compilerOptions() });
const result = program.emit(
  undefined,
  (fileName, text) => {
    const source = fileName.replace(/\.js(\.map)?$/, ".ts");
    const output = builtPath(source).replace(/\.ts$/, fileName.endsWith(".map") ? ".js.map" : ".js");
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, fileName.endsWith(".map") ? sourceMapFrom(output, source, text) : text);
  },
  undefined,
  false,
  { before: [workspaceImports] },
);
const errors = [...program.getSyntacticDiagnostics(), ...result.diagnostics];
if (errors.length > 0) {
  const host = {
    getCanonicalFileName: (f: string) => f,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => "\n",
  };
  console.error(ts.formatDiagnosticsWithColorAndContext(errors, host));
  process.exit(1);
}
await bundleServer({
  root: ROOT,
  outdir: join(ROOT, "packages/gateway", BUILD),
  entries: {
    main: join(stagedDir("gateway"), "main.js"),
    "cli/main": join(stagedDir("gateway"), "cli/main.js"),
  },
  stagedDir,
});
for (const name of PACKAGES) {
  rmSync(name === "gateway" ? stagedDir(name) : join(ROOT, "packages", name, BUILD), {
    recursive: true,
    force: true,
  });
}
console.log(
  `Built packages/gateway/${BUILD}/main.js and cli/main.js in ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s; start with: node packages/gateway/${BUILD}/main.js`,
);
