import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { problemsWith } from "./check-command.ts";
import { extractCommands } from "./doc-commands.ts";

const ROOT = join(import.meta.dirname, "../..");
const DOCS = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

const commands = DOCS.flatMap((file) => extractCommands(file, readFileSync(join(ROOT, file), "utf8")));

describe("the commands in README.md and docs/", () => {
  it("are found, fenced and inline", () => {
    expect(commands.some((command) => command.file === "README.md" && !command.inline)).toBe(true);
    expect(commands.some((command) => command.inline)).toBe(true);
  });

  it("run as written on a machine with only Node.js and npm", () => {
    const problems = commands.flatMap((command) =>
      problemsWith(command).map(
        (problem) => `${command.file}:${command.line} \`${command.text}\` ${problem}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it("would catch bare pnpm, a missing script, a missing file and an unknown variable", () => {
    const doc = [
      "Run `pnpm start` first.",
      "```sh",
      "DATABSE_URL=postgres://x npx -y pnpm@12.21.0 strat && bash scripts/nothing-here.sh",
      "```",
    ].join("\n");
    const found = extractCommands("x.md", doc).flatMap(problemsWith);
    expect(found).toEqual([
      expect.stringContaining("bare `pnpm`"),
      expect.stringContaining("DATABSE_URL"),
      expect.stringContaining("strat"),
      expect.stringContaining("scripts/nothing-here.sh"),
    ]);
  });
});
