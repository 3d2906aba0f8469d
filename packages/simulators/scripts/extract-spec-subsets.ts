/**
 * Rewrites packages/simulators/spec-subsets/<name>.json from the providers' full specs, which a fresh
 * clone does not have. Each module in ./spec-subsets/ exports `extract(specDir)` and names its output
 * by its file name.
 *
 *   pnpm exec tsx packages/simulators/scripts/extract-spec-subsets.ts [specDir]
 *
 * specDir defaults to SPEC_DIR: a folder holding the official specs (digitalocean-v2.json,
 * hetzner-cloud.json, ovh-cloud.json, ovh-auth.json), as each provider publishes them.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format, resolveConfig } from "prettier";

interface SubsetModule {
  extract(specDir: string): object;
}

const here = dirname(fileURLToPath(import.meta.url));
const modulesDir = join(here, "spec-subsets");
const outputDir = resolve(here, "../spec-subsets");
const specArgument = process.argv[2] ?? process.env.SPEC_DIR;
if (!specArgument) {
  console.error("usage: extract-spec-subsets.ts <specDir> (or SPEC_DIR): the folder of the providers' specs");
  process.exit(2);
}
const specDir = resolve(specArgument);

mkdirSync(outputDir, { recursive: true });
const modules = readdirSync(modulesDir)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .sort();
for (const file of modules) {
  const module = (await import(pathToFileURL(join(modulesDir, file)).href)) as SubsetModule;
  const output = join(outputDir, `${basename(file, ".ts")}.json`);
  // Written as prettier would, so `prettier --check .` accepts the file as extracted.
  const options = (await resolveConfig(output)) ?? {};
  const text = await format(JSON.stringify(module.extract(specDir)), { ...options, parser: "json" });
  writeFileSync(output, text);
  process.stdout.write(`${file} → ${output}\n`);
}
