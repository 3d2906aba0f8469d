import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "**/dist/**", "packages/sdk/src/generated/**", ".data/**", "coverage/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["error", { allow: ["error"] }],
      // One job per file: past this, split the file along its seams.
      "max-lines": ["error", { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // A focused test silently skips the rest of the suite in CI.
    files: ["**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...["describe", "it", "test"].map((object) => ({
          object,
          property: "only",
          message: "Focused tests skip the rest of the suite: remove .only before committing.",
        })),
      ],
    },
  },
  {
    files: ["bench/**", "scripts/**", "packages/*/scripts/**", "packages/gateway/src/cli/**"],
    rules: { "no-console": "off" },
  },
);
