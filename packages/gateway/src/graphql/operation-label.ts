import { Kind, type OperationDefinitionNode } from "graphql";

/**
 * A metrics label from the schema, not from the client: "mutation.logIn" names the first root
 * field. Client-chosen operation names would let any caller create unbounded label series.
 */
export function operationLabel(operation: OperationDefinitionNode | null | undefined): string {
  const first = operation?.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  return operation && first?.kind === Kind.FIELD ? `${operation.operation}.${first.name.value}` : "unknown";
}
