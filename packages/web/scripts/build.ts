/**
 * `pnpm build:web`: the landing page into packages/web/dist, as static files. Vite bundles the
 * browser's script, then the page is rendered once in Node and its HTML written into index.html, so
 * it reads without JavaScript; in the browser the same components hydrate and read the catalog.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type InlineConfig } from "vite";

const WEB = fileURLToPath(new URL("../", import.meta.url));
const OUT = join(WEB, "dist");
const MARKER = "<!--prerendered-->";

const started = performance.now();
const common: InlineConfig = { configFile: join(WEB, "vite.config.ts"), logLevel: "warn" };
await build(common);

const serverOut = await mkdtemp(join(tmpdir(), "peykarband-web-prerender-"));
try {
  await build({
    ...common,
    build: { ssr: join(WEB, "src/prerender.tsx"), outDir: serverOut, emptyOutDir: true },
  });
  const entry = (await readdir(serverOut)).find((name) => /\.m?js$/.test(name));
  if (!entry) throw new Error(`the prerender build wrote no script into ${serverOut}`);
  const { prerender } = (await import(pathToFileURL(join(serverOut, entry)).href)) as {
    prerender: () => string;
  };
  const page = await readFile(join(OUT, "index.html"), "utf8");
  if (!page.includes(MARKER)) throw new Error(`index.html has no ${MARKER} to fill`);
  await writeFile(join(OUT, "index.html"), page.replace(MARKER, prerender()));
} finally {
  await rm(serverOut, { recursive: true, force: true });
}
console.log(`Built the landing page into ${OUT} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
