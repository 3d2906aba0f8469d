import {
  getNamedType,
  GraphQLInputObjectType,
  GraphQLObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputField,
  type GraphQLSchema,
} from "graphql";
import { decodeGlobalId, NODE_TYPES, type NodeType } from "./global-id.ts";
import { GLOBAL_ID_EXTENSION } from "./global-id-field.decorator.ts";

/** Where the global ids sit in a field's arguments: a node type for an id, a nested plan for an input object. */
type DecodePlan = ReadonlyMap<string, NodeType | DecodePlan>;

const isNodeType = (value: unknown): value is NodeType => (NODE_TYPES as readonly unknown[]).includes(value);

function planOf(
  fields: readonly (GraphQLArgument | GraphQLInputField)[],
  visiting: Set<GraphQLInputObjectType>,
): DecodePlan | null {
  const plan = new Map<string, NodeType | DecodePlan>();
  for (const field of fields) {
    const type = field.extensions[GLOBAL_ID_EXTENSION];
    const named = getNamedType(field.type);
    if (isNodeType(type)) plan.set(field.name, type);
    else if (named instanceof GraphQLInputObjectType && !visiting.has(named)) {
      visiting.add(named);
      const nested = planOf(Object.values(named.getFields()), visiting);
      visiting.delete(named);
      if (nested) plan.set(field.name, nested);
    }
  }
  return plan.size > 0 ? plan : null;
}

const eachOf = (value: unknown, decode: (item: unknown) => unknown): unknown =>
  value == null ? value : Array.isArray(value) ? value.map((item) => eachOf(item, decode)) : decode(value);

function decode(plan: DecodePlan, values: Record<string, unknown>): Record<string, unknown> {
  const decoded = { ...values };
  for (const [name, rule] of plan) {
    if (values[name] == null) continue;
    decoded[name] = eachOf(values[name], (value) =>
      typeof rule === "string"
        ? decodeGlobalId(value as string, rule)
        : decode(rule, value as Record<string, unknown>),
    );
  }
  return decoded;
}

const decoding =
  (plan: DecodePlan, run: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> =>
  (source, args, context, info) =>
    run(source, decode(plan, args), context, info);

interface FieldTakingGlobalIds {
  /** "Type.field" */
  readonly name: string;
  readonly field: GraphQLField<unknown, unknown>;
  readonly plan: DecodePlan;
}

/** Every field with an argument declared by `@GlobalIdField`, with where its ids sit. */
export function fieldsTakingGlobalIds(schema: GraphQLSchema): FieldTakingGlobalIds[] {
  const found: FieldTakingGlobalIds[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const plan = planOf(field.args, new Set());
      if (plan) found.push({ name: `${type.name}.${field.name}`, field, plan });
    }
  }
  return found;
}

/**
 * Decodes every argument declared with `@GlobalIdField` before the field's resolver or subscribe
 * function sees it, so resolvers and use cases only ever meet typed local keys. A bad id becomes
 * NO_SUCH_KEY (global-id.ts): the one rule for malformed and foreign ids.
 */
export function decodeGlobalIdArguments(schema: GraphQLSchema): void {
  for (const { field, plan } of fieldsTakingGlobalIds(schema)) {
    if (field.resolve) field.resolve = decoding(plan, field.resolve);
    if (field.subscribe) field.subscribe = decoding(plan, field.subscribe);
  }
}
