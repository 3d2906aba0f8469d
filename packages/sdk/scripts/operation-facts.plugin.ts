import {
  isEnumType,
  isInputObjectType,
  isNonNullType,
  Kind,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";

/**
 * A codegen plugin that writes what the SDK must know at run time about the schema: the codes of
 * every `XErrorCode` enum, each operation's type, and which mutations take an `idempotencyKey`
 * (so the client may add one and retry them safely).
 */
export function plugin(schema: GraphQLSchema, documents: readonly { document?: DocumentNode }[]): string {
  const errorCodes = Object.values(schema.getTypeMap())
    .filter(isEnumType)
    .filter((type) => type.name.endsWith("ErrorCode"))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(
      (type) =>
        `  ${type.name}: [${type
          .getValues()
          .map((value) => `"${value.name}"`)
          .join(", ")}],`,
    );

  const operations = documents
    .flatMap((source) => source.document?.definitions ?? [])
    .filter((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION)
    .sort((a, b) => a.name!.value.localeCompare(b.name!.value));
  const types = operations.map((operation) => `  ${operation.name!.value}: "${operation.operation}",`);
  const idempotent = operations
    .filter((operation) => operation.operation === "mutation" && takesIdempotencyKey(schema, operation))
    .map((operation) => `"${operation.name!.value}"`);

  return [
    "/** The codes of each `XErrorCode` enum of the schema: what a mutation's `userErrors[].code` can be. */",
    "export const userErrorCodes = {",
    ...errorCodes,
    "} as const;",
    "",
    "/** Whether each operation of `schema/operations` is a query, a mutation or a subscription. */",
    'export const operationTypes: Readonly<Record<string, "query" | "mutation" | "subscription">> = {',
    ...types,
    "};",
    "",
    "/** The mutations whose `input` takes an `idempotencyKey`: the client adds one when none is given, and may retry them. */",
    `export const idempotentOperations: ReadonlySet<string> = new Set([${idempotent.join(", ")}]);`,
    "",
  ].join("\n");
}

function takesIdempotencyKey(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const field = schema.getMutationType()?.getFields()[fieldName(operation)];
  const input = field?.args.find((arg) => arg.name === "input")?.type;
  const inputType = input && isNonNullType(input) ? input.ofType : input;
  return isInputObjectType(inputType) && "idempotencyKey" in inputType.getFields();
}

function fieldName(operation: OperationDefinitionNode): string {
  const first = operation.selectionSet.selections[0];
  return first?.kind === Kind.FIELD ? first.name.value : "";
}
