import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * The SDK is generated from the committed schema and the operations partners use. Under NodeNext ESM it
 * needs `emitLegacyCommonJSImports: false` and `gqlImport: "graphql-tag#gql"`.
 * typescript-operations 6 emits the enums and inputs the operations use by itself, so the
 * `typescript` plugin is left out: with it, every shared type would be declared twice.
 */
const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: "schema/operations/**/*.graphql",
  generates: {
    "packages/sdk/src/generated/sdk.ts": {
      plugins: ["typescript-operations", "typescript-graphql-request"],
      config: {
        emitLegacyCommonJSImports: false,
        gqlImport: "graphql-tag#gql",
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTime: "string", Rial: "string" },
        strictScalars: true,
      },
    },
  },
};

export default config;
