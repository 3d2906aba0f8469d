import { generate } from "@graphql-codegen/cli";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import config from "../../codegen.ts";

const ROOT = join(import.meta.dirname, "../..");

describe("the generated SDK", () => {
  it("is what codegen makes of schema/schema.graphql and schema/operations today", async () => {
    const outputs = await generate({ ...config, cwd: ROOT, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const committed = readFileSync(join(ROOT, output.filename), "utf8");
      expect(
        committed === output.content,
        `${output.filename} is stale: run pnpm codegen and commit it`,
      ).toBe(true);
    }
  });
});
