import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_VARIABLES } from "../../packages/infrastructure/src/config/config-schema.ts";
import { type DocCommand, PNPM, simpleCommands, type Word, words } from "./doc-commands.ts";

const ROOT = join(import.meta.dirname, "../..");

const scripts = Object.keys(
  (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> })
    .scripts,
);
const PNPM_COMMANDS = ["install", "exec", "run", "add", "remove", "update"];

/** Variables read by entry points other than the server, each with the file that reads it. */
const OTHER_VARIABLES: Record<string, string> = {
  PEYKARBAND_ADMIN_PASSWORD: "packages/gateway/src/cli/read-password.ts",
  BENCH_ROUNDS: "bench/run.ts",
  BENCH_SECONDS: "bench/run.ts",
  BENCH_PROFILE_DIR: "bench/load.ts",
  BENCH_BUNDLE: "bench/load.ts",
  BENCH_TSX_TOO: "bench/viewer-cpu.ts",
  ROUNDS: "bench/viewer-cpu.ts",
};

function knownVariable(name: string): boolean {
  if (CONFIG_VARIABLES.includes(name)) return true;
  const reader = OTHER_VARIABLES[name];
  return reader !== undefined && readFileSync(join(ROOT, reader), "utf8").includes(name);
}

function isBinary(name: string): boolean {
  return existsSync(join(ROOT, "node_modules/.bin", name));
}

/** What is wrong with one documented command, as sentences; empty when it runs as written. */
export function problemsWith(command: DocCommand): string[] {
  const all = words(command.text);
  // A command run inside the container through kubectl uses the pnpm installed in the image.
  const inContainer = all[0]?.text === "kubectl";
  const problems: string[] = [];
  for (const simple of simpleCommands(all)) {
    let rest: Word[] = simple;
    if (rest[0]?.text === "export") rest = rest.slice(1);
    while (rest[0] && !rest[0].quoted && /^[A-Za-z_]\w*=/.test(rest[0].text)) {
      const name = rest[0].text.split("=")[0] ?? "";
      if (!knownVariable(name)) problems.push(`sets ${name}, which nothing in the repository reads`);
      rest = rest.slice(1);
    }
    const text = rest.map((word) => word.text).join(" ");
    if (/^pnpm\b/.test(text) && !inContainer)
      problems.push(`runs bare \`pnpm\`, which a machine with only Node.js and npm lacks: write \`${PNPM}\``);
    const pnpmArgs = text.startsWith(PNPM + " ")
      ? rest.slice(PNPM.split(" ").length)
      : /^pnpm\b/.test(text)
        ? rest.slice(1)
        : null;
    if (pnpmArgs) problems.push(...pnpmProblems(pnpmArgs));
    if (!inContainer) problems.push(...pathProblems(rest));
  }
  return problems;
}

function pnpmProblems(args: Word[]): string[] {
  const texts = args.map((word) => word.text);
  while (texts[0] === "--filter" || texts[0] === "-F") texts.splice(0, 2);
  const [first, second] = texts;
  if (first === undefined) return ["runs pnpm without a script"];
  if (first === "exec" || first === "run") {
    if (second === undefined) return [];
    if (first === "run" && !scripts.includes(second))
      return [`runs the script ${second}, not in package.json`];
    if (first === "exec" && second !== "node" && !isBinary(second))
      return [`executes ${second}, not installed`];
    return [];
  }
  if (PNPM_COMMANDS.includes(first) || scripts.includes(first) || isBinary(first)) return [];
  return [`runs \`pnpm ${first}\`: no such script in package.json`];
}

function pathProblems(args: Word[]): string[] {
  return args
    .filter(
      ({ text, quoted }) =>
        !quoted &&
        text.includes("/") &&
        !text.includes("://") &&
        !/^[-$~/<@]/.test(text) &&
        !/[…=<>*:]/.test(text),
    )
    .filter(({ text }) => !existsSync(join(ROOT, text)))
    .map(({ text }) => `names ${text}, which does not exist`);
}
