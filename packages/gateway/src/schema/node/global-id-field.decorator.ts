import { Extensions, Field, ID } from "type-graphql";
import type { NodeType } from "./global-id.ts";

/** The extension naming the node type a global-id argument or input field holds. */
export const GLOBAL_ID_EXTENSION = "globalIdOf";

interface GlobalIdFieldOptions {
  readonly description: string;
  readonly nullable?: boolean;
  /** A list of ids, `[ID!]`. */
  readonly list?: boolean;
}

/**
 * An argument or input field holding the global id of one node type: `ID` in the schema, and a
 * LocalId of that type by the time the resolver reads it (decode-global-ids.ts decodes it).
 */
export function GlobalIdField(type: NodeType, { list = false, ...options }: GlobalIdFieldOptions) {
  return (prototype: object, property: string): void => {
    Field(() => (list ? [ID] : ID), options)(prototype, property);
    Extensions({ [GLOBAL_ID_EXTENSION]: type })(prototype, property);
  };
}
