import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const GATEWAY = join(ROOT, "packages", "gateway", "src");
/** A resolver reads its arguments, calls one use case and maps the result: that fits in ten lines. */
const MAX_BODY_LINES = 10;

const resolverFiles = (): string[] =>
  readdirSync(GATEWAY, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".resolver.ts"))
    .map((path) => join(GATEWAY, path));

const isResolverClass = (node: ts.ClassDeclaration): boolean =>
  (ts.getDecorators(node) ?? []).some(
    (decorator) =>
      ts.isCallExpression(decorator.expression) && decorator.expression.expression.getText() === "Resolver",
  );

/** "file:method (n lines)" for each method of a resolver class whose body is longer than the limit. */
function longMethods(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line;
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !isResolverClass(statement)) continue;
    for (const member of statement.members) {
      if (!ts.isMethodDeclaration(member) || !member.body) continue;
      const lines = lineOf(member.body.getEnd()) - lineOf(member.body.getStart()) - 1;
      if (lines > MAX_BODY_LINES) {
        found.push(`${relative(ROOT, file)}:${member.name.getText()} (${lines} lines)`);
      }
    }
  }
  return found;
}

describe("resolvers", () => {
  it(`keep every method to ${MAX_BODY_LINES} lines: call one use case, map the result`, () => {
    const files = resolverFiles();
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap(longMethods)).toEqual([]);
  });
});
