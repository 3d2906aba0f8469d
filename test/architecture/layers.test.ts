import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  checkFile,
  checkManifest,
  findImports,
  LAYER_RULES,
  type PackageManifest,
  type PackageName,
  type Violation,
} from "./layer-rules.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PACKAGES = join(ROOT, "packages");
const SOURCE = /\.(?:[cm]?ts|tsx|[cm]?js)$/;

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules") return [];
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function workspacePackages(): string[] {
  return readdirSync(PACKAGES, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(PACKAGES, e.name, "package.json")))
    .map((e) => e.name)
    .sort();
}

function manifestOf(pkg: string): PackageManifest {
  return JSON.parse(readFileSync(join(PACKAGES, pkg, "package.json"), "utf8")) as PackageManifest;
}

function report(violations: readonly Violation[]): string[] {
  return violations.map((v) => `${v.where}: "${v.specifier}": ${v.reason}`);
}

describe("the dependency rule, in the real tree", () => {
  it("has a rule for every workspace package", () => {
    const unknown = workspacePackages().filter((pkg) => !(pkg in LAYER_RULES));
    expect(unknown, "add these to LAYER_RULES in test/architecture/layer-rules.ts").toEqual([]);
  });

  for (const pkg of workspacePackages().filter((p): p is PackageName => p in LAYER_RULES)) {
    describe(`packages/${pkg}`, () => {
      const manifest = manifestOf(pkg);

      it("declares only the dependencies its layer allows", () => {
        expect(report(checkManifest(pkg, manifest))).toEqual([]);
      });

      it("imports only what its layer allows", () => {
        const root = join(PACKAGES, pkg);
        const files = [...walk(join(root, "src")), ...walk(join(root, "test"))];
        const violations = files.flatMap((full) =>
          checkFile(
            { pkg, path: relative(root, full).split(sep).join("/"), text: readFileSync(full, "utf8") },
            manifest,
          ),
        );
        expect(report(violations)).toEqual([]);
      });
    });
  }
});

describe("the checker itself", () => {
  const none: PackageManifest = {};
  const check = (pkg: PackageName, path: string, text: string, manifest: PackageManifest = none) =>
    checkFile({ pkg, path, text }, manifest).map((v) => v.specifier);

  it("finds every import form, once each, with its line", () => {
    const text = [
      'import a from "m-default";',
      'import type { B } from "m-type";',
      "import {",
      "  c,",
      "  d,",
      '} from "m-multiline";',
      'import * as e from "m-namespace";',
      'import f, { g } from "m-mixed";',
      'import "m-side-effect";',
      'export * from "m-star";',
      'export { h } from "m-named";',
      'export type { I } from "m-type-export";',
      'const j = await import("m-dynamic");',
      'type K = typeof import("m-type-query");',
    ].join("\n");
    expect(findImports(text)).toEqual([
      { specifier: "m-default", line: 1 },
      { specifier: "m-type", line: 2 },
      { specifier: "m-multiline", line: 6 },
      { specifier: "m-namespace", line: 7 },
      { specifier: "m-mixed", line: 8 },
      { specifier: "m-side-effect", line: 9 },
      { specifier: "m-star", line: 10 },
      { specifier: "m-named", line: 11 },
      { specifier: "m-type-export", line: 12 },
      { specifier: "m-dynamic", line: 13 },
      { specifier: "m-type-query", line: 14 },
    ]);
  });

  it("ignores imports in comments and look-alikes in ordinary code", () => {
    const text = [
      '// import x from "commented";',
      '/* import y from "block";',
      '   export * from "block-2"; */',
      'const url = "https://example.com/*"; // a string holding a comment opener',
      'import z from "real";',
      'const message = { from: "nowhere" };',
      'spawn(process.execPath, ["--import", "tsx", script]);',
    ].join("\n");
    expect(findImports(text).map((r) => r.specifier)).toEqual(["real"]);
  });

  it("reports a forbidden import in the domain, even a node built-in or a type-only one", () => {
    expect(check("domain", "src/money/rial.ts", 'import { z } from "zod";')).toEqual(["zod"]);
    expect(check("domain", "src/user/user.ts", 'import { randomUUID } from "node:crypto";')).toEqual([
      "node:crypto",
    ]);
    expect(
      check("domain", "src/user/user.ts", 'import type { Clock } from "@peykarband/application";'),
    ).toEqual(["@peykarband/application"]);
    expect(check("domain", "src/user/user.ts", 'import { sep } from "path";')).toEqual(["path"]);
  });

  it("lets the application see the domain and nothing else", () => {
    expect(check("application", "src/a.use-case.ts", 'import { ok } from "@peykarband/domain";')).toEqual([]);
    expect(check("application", "src/a.use-case.ts", 'import { readFile } from "node:fs/promises";')).toEqual(
      ["node:fs/promises"],
    );
    expect(
      check("application", "src/a.use-case.ts", 'import { db } from "@peykarband/infrastructure";'),
    ).toEqual(["@peykarband/infrastructure"]);
  });

  it("keeps relative imports inside their package", () => {
    expect(check("application", "src/accounts/login.ts", 'import { x } from "../ports/clock.ts";')).toEqual(
      [],
    );
    expect(
      check("application", "src/accounts/login.ts", 'import { x } from "../../../domain/src/index.ts";'),
    ).toEqual(["../../../domain/src/index.ts"]);
  });

  it("lets the gateway reach infrastructure only from its composition root and its tests", () => {
    const text = 'import { createDatabase } from "@peykarband/infrastructure";';
    expect(check("gateway", "src/resolvers/server.resolver.ts", text)).toEqual([
      "@peykarband/infrastructure",
    ]);
    expect(check("gateway", "src/main.ts", text)).toEqual([]);
    expect(check("gateway", "src/composition/container.ts", text)).toEqual([]);
    expect(check("gateway", "src/cli/create-admin.ts", text)).toEqual([]);
    expect(check("gateway", "src/resolvers/server.resolver.test.ts", text)).toEqual([]);
    expect(check("gateway", "test/e2e/order-server.test.ts", text)).toEqual([]);
  });

  it("keeps the SDK free of server packages and requires declared libraries", () => {
    const manifest = { dependencies: { "graphql-request": "7.4.0" } };
    expect(
      check("sdk", "src/client.ts", 'import { GraphQLClient } from "graphql-request";', manifest),
    ).toEqual([]);
    expect(check("sdk", "src/client.ts", 'import { Money } from "@peykarband/domain";', manifest)).toEqual([
      "@peykarband/domain",
    ]);
    expect(check("sdk", "src/client.ts", 'import { gql } from "graphql-tag/index.js";', manifest)).toEqual([
      "graphql-tag/index.js",
    ]);
  });

  it("allows vitest in any test file, and only there", () => {
    const text = 'import { describe } from "vitest";';
    expect(check("domain", "src/money/rial.test.ts", text)).toEqual([]);
    expect(check("domain", "src/money/rial.ts", text)).toEqual(["vitest"]);
  });

  it("allows vitest, and no other library, in application's contract suites only", () => {
    const suite = "src/testing/contracts/wallet-ledger.contract.ts";
    expect(check("application", suite, 'import { it } from "vitest";')).toEqual([]);
    expect(check("application", suite, 'import got from "got";')).toEqual(["got"]);
    expect(check("application", "src/testing/in-memory-users.ts", 'import { it } from "vitest";')).toEqual([
      "vitest",
    ]);
    expect(check("infrastructure", "src/testing/contracts/x.ts", 'import { it } from "vitest";')).toEqual([
      "vitest",
    ]);
  });

  it("checks package.json dependencies against the same rule", () => {
    expect(checkManifest("domain", { dependencies: { zod: "4.0.0" } }).map((v) => v.specifier)).toEqual([
      "zod",
    ]);
    expect(
      checkManifest("application", {
        dependencies: { "@peykarband/domain": "workspace:*", "@peykarband/infrastructure": "workspace:*" },
      }).map((v) => v.specifier),
    ).toEqual(["@peykarband/infrastructure"]);
    expect(checkManifest("sdk", { dependencies: { "@peykarband/gateway": "workspace:*" } })).toHaveLength(1);
  });
});
