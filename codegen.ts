import type { CodegenConfig } from "@graphql-codegen/cli";
import * as operationFacts from "./packages/sdk/scripts/operation-facts.plugin.ts";

const OPERATION_FACTS = "operation-facts";

/**
 * The SDK is generated from the committed schema and the operations partners use. Under NodeNext ESM it
 * needs `emitLegacyCommonJSImports: false` and `gqlImport: "graphql-tag#gql"`.
 * typescript-operations 6 emits the enums and inputs the operations use by itself, so the
 * `typescript` plugin is left out: with it, every shared type would be declared twice.
 * `operation-facts` is the SDK's own plugin (error codes, idempotent operations), loaded from source.
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
    "packages/sdk/src/generated/operation-facts.ts": { plugins: [OPERATION_FACTS] },
  },
  pluginLoader: async (name) => (name === OPERATION_FACTS ? operationFacts : import(name)),
};

export default config;
