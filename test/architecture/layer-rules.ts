/**
 * The dependency rule, as data plus a pure checker. `layers.test.ts` feeds it the real tree;
 * the checker itself never touches the file system, so it can be tested on synthetic text.
 *
 * Imports are found with regular expressions over the source with comments blanked out. That
 * is deliberately simpler than a parser: the rule only needs module specifiers, and a regex
 * cannot be fooled into "resolving" anything.
 */
import { builtinModules } from "node:module";
import { posix } from "node:path";

export type PackageName =
  "domain" | "application" | "infrastructure" | "gateway" | "sdk" | "simulators" | "web";

export interface LayerRule {
  /** Workspace packages (short names) this package may import from its runtime code. */
  readonly workspace: readonly PackageName[];
  /** May it import Node built-ins (`node:fs`, `crypto`, …)? */
  readonly builtins: boolean;
  /** May it import third-party packages (those listed in its own package.json)? */
  readonly libraries: boolean;
  /**
   * Workspace packages that only some files may import. The gateway reaches infrastructure only
   * from its composition root, so resolvers stay a thin layer over use cases.
   */
  readonly restricted?: readonly { readonly pkg: PackageName; readonly onlyFrom: readonly RegExp[] }[];
}

const GATEWAY_COMPOSITION_ROOT = [/^src\/main\.ts$/, /^src\/composition\//, /^src\/cli\//];

export const LAYER_RULES: Readonly<Record<PackageName, LayerRule>> = {
  // Plain TypeScript: not even node built-ins, so the model runs anywhere and tests need no I/O.
  domain: { workspace: [], builtins: false, libraries: false },
  // Use cases see the world only through ports; a built-in here is an adapter in disguise.
  application: { workspace: ["domain"], builtins: false, libraries: false },
  infrastructure: { workspace: ["domain", "application", "simulators"], builtins: true, libraries: true },
  gateway: {
    workspace: ["domain", "application", "infrastructure", "simulators"],
    builtins: true,
    libraries: true,
    restricted: [
      { pkg: "infrastructure", onlyFrom: GATEWAY_COMPOSITION_ROOT },
      { pkg: "simulators", onlyFrom: GATEWAY_COMPOSITION_ROOT },
    ],
  },
  // Partners install the SDK alone: it must not drag our server code along.
  sdk: { workspace: [], builtins: true, libraries: true },
  // Simulators speak the providers' public APIs; knowing our model would make them lie.
  simulators: { workspace: [], builtins: true, libraries: true },
  // Runs in browsers: it reads the API through the SDK, like any partner, and never our server code.
  web: { workspace: ["sdk"], builtins: false, libraries: true },
};

const WORKSPACE_SCOPE = "@peykarband/";

export interface PackageManifest {
  readonly name?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

export interface SourceFile {
  readonly pkg: PackageName;
  /** Path inside the package, posix separators: `src/accounts/login.use-case.ts`. */
  readonly path: string;
  readonly text: string;
}

export interface Violation {
  readonly where: string;
  readonly specifier: string;
  readonly reason: string;
}

export interface ImportRef {
  readonly specifier: string;
  readonly line: number;
}

/** Blank out comments, keeping strings and line breaks, so commented-out imports don't count. */
function stripComments(text: string): string {
  let out = "";
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      while (i < n && text[i] !== "\n") {
        out += " ";
        i++;
      }
    } else if (c === "/" && next === "*") {
      out += "  ";
      i += 2;
      while (i < n && !(text[i] === "*" && text[i + 1] === "/")) {
        out += text[i] === "\n" ? "\n" : " ";
        i++;
      }
      if (i < n) {
        out += "  ";
        i += 2;
      }
    } else if (c === '"' || c === "'" || c === "`") {
      // Copy the string verbatim. Quotes end at a line break too, so a stray quote (say, in a
      // regex literal) cannot swallow the rest of the file.
      out += c;
      i++;
      while (i < n && text[i] !== c && !(c !== "`" && text[i] === "\n")) {
        if (text[i] === "\\" && i + 1 < n) {
          out += text[i]! + text[i + 1]!;
          i += 2;
        } else {
          out += text[i]!;
          i++;
        }
      }
      if (i < n) {
        out += text[i]!;
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const SPEC = String.raw`["']([^"'\n]+)["']`;
// Not `x.import`, nor the flag `"--import"` in a command line.
const NOT_MEMBER = String.raw`(?<![\w$.\-"'])`;
const IMPORT_PATTERNS: readonly RegExp[] = [
  // import x from "m"; import type { X } from "m"; import x, * as ns from "m"
  new RegExp(
    NOT_MEMBER +
      String.raw`import\s+(?:type\s+)?(?:[\w$]+\s*,?\s*)?(?:\*\s*as\s+[\w$]+|\{[^}]*\})?\s*from\s*` +
      SPEC,
    "g",
  ),
  // import "m" (side effects only)
  new RegExp(NOT_MEMBER + String.raw`import\s*` + SPEC, "g"),
  // export * from "m"; export * as ns from "m"; export { x } from "m"; export type { X } from "m"
  new RegExp(
    NOT_MEMBER + String.raw`export\s+(?:type\s+)?(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*` + SPEC,
    "g",
  ),
  // import("m"), also in type positions: typeof import("m")
  new RegExp(NOT_MEMBER + String.raw`import\s*\(\s*` + SPEC, "g"),
  // require("m"), for the odd createRequire call
  new RegExp(NOT_MEMBER + String.raw`require\s*\(\s*` + SPEC + String.raw`\s*\)`, "g"),
];

export function findImports(text: string): ImportRef[] {
  const code = stripComments(text);
  const found = new Map<number, ImportRef>();
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[1]!;
      // Key by the specifier's position: one import is found once, however many patterns see it.
      const at = match.index + match[0].lastIndexOf(specifier);
      if (!found.has(at)) {
        found.set(at, { specifier, line: code.slice(0, at).split("\n").length });
      }
    }
  }
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, ref]) => ref);
}

const BUILTINS = new Set(builtinModules);

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || BUILTINS.has(specifier.split("/")[0]!);
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/**
 * Shared test suites that are not test files themselves: the ports' contract suites live beside the
 * ports in application, because the contract belongs to the port, and both the fakes' tests
 * (application) and the adapters' tests (infrastructure) call them. They register tests, so they
 * import vitest; only the test runner, nothing else, and only from this folder.
 */
function mayImportTestRunner(pkg: PackageName, path: string): boolean {
  return isTestFile(path) || (pkg === "application" && path.startsWith("src/testing/contracts/"));
}

/** Test code: `*.test.ts` anywhere, and everything under the package's `test/` folder. */
function isTestFile(path: string): boolean {
  return /\.test\.[cm]?[jt]sx?$/.test(path) || path.startsWith("test/");
}

function declared(manifest: PackageManifest, name: string, includeDev: boolean): boolean {
  return Boolean(
    manifest.dependencies?.[name] ??
    manifest.peerDependencies?.[name] ??
    manifest.optionalDependencies?.[name] ??
    (includeDev ? manifest.devDependencies?.[name] : undefined),
  );
}

/** Every import of one file that breaks the rule of its package. */
export function checkFile(file: SourceFile, manifest: PackageManifest): Violation[] {
  const rule = LAYER_RULES[file.pkg];
  const test = isTestFile(file.path);
  const violations: Violation[] = [];
  for (const { specifier, line } of findImports(file.text)) {
    const where = `packages/${file.pkg}/${file.path}:${line}`;
    const fail = (reason: string) => violations.push({ where, specifier, reason });

    if (specifier.startsWith(".") || specifier.startsWith("/")) {
      const target = posix.normalize(posix.join(posix.dirname(file.path), specifier));
      if (specifier.startsWith("/") || target.startsWith("../")) {
        fail(`a relative import must stay inside packages/${file.pkg}; import the package by name`);
      }
      continue;
    }

    if (isBuiltin(specifier)) {
      if (!rule.builtins) fail(`${file.pkg} may not import Node built-ins; put I/O behind a port`);
      continue;
    }

    const name = packageOf(specifier);
    if (name.startsWith(WORKSPACE_SCOPE)) {
      const target = name.slice(WORKSPACE_SCOPE.length) as PackageName;
      if (target === file.pkg) continue;
      if (!(target in LAYER_RULES)) {
        fail(`unknown workspace package ${name}: give it a rule in test/architecture/layer-rules.ts`);
        continue;
      }
      // Gateway tests drive the whole stack and may use infrastructure's testing helpers and the SDK.
      const testException =
        test && file.pkg === "gateway" && (target === "infrastructure" || declared(manifest, name, true));
      if (testException) continue;
      if (!rule.workspace.includes(target)) {
        fail(`${file.pkg} may not depend on ${target} (allowed: ${rule.workspace.join(", ") || "nothing"})`);
        continue;
      }
      const restriction = rule.restricted?.find((r) => r.pkg === target);
      if (restriction && !restriction.onlyFrom.some((re) => re.test(file.path))) {
        fail(`${file.pkg} may import ${target} only from its composition root (main.ts, composition/, cli/)`);
      }
      continue;
    }

    // The test runner is not a dependency of the layer, whichever layer the test sits in.
    if (name === "vitest" && mayImportTestRunner(file.pkg, file.path)) continue;
    if (!rule.libraries) {
      fail(`${file.pkg} may not import third-party packages`);
    } else if (!declared(manifest, name, test)) {
      fail(`${name} is not declared in packages/${file.pkg}/package.json`);
    }
  }
  return violations;
}

/** The same rule, read from package.json: what a package may install, not only what it imports. */
export function checkManifest(pkg: PackageName, manifest: PackageManifest): Violation[] {
  const rule = LAYER_RULES[pkg];
  const where = `packages/${pkg}/package.json`;
  const violations: Violation[] = [];
  const runtime = {
    ...manifest.dependencies,
    ...manifest.peerDependencies,
    ...manifest.optionalDependencies,
  };
  for (const name of Object.keys(runtime)) {
    if (name.startsWith(WORKSPACE_SCOPE)) {
      const target = name.slice(WORKSPACE_SCOPE.length) as PackageName;
      if (target !== pkg && !rule.workspace.includes(target)) {
        violations.push({ where, specifier: name, reason: `${pkg} may not depend on ${target}` });
      }
    } else if (!rule.libraries) {
      violations.push({ where, specifier: name, reason: `${pkg} may not have third-party dependencies` });
    }
  }
  // Dev dependencies reach only tests, but domain and application tests need nothing but vitest,
  // which the root provides.
  if (!rule.libraries) {
    for (const name of Object.keys(manifest.devDependencies ?? {})) {
      if (
        !name.startsWith(WORKSPACE_SCOPE) ||
        !rule.workspace.includes(name.slice(WORKSPACE_SCOPE.length) as PackageName)
      ) {
        violations.push({
          where,
          specifier: name,
          reason: `${pkg} may not have dev dependencies beyond its layers`,
        });
      }
    }
  }
  return violations;
}
