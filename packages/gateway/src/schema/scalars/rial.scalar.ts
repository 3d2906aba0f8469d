import { Rial } from "@peykarband/domain";
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

function parse(text: unknown): Rial {
  if (typeof text !== "string")
    throw new GraphQLError('Rial amounts are strings of whole rials, such as "1250000".');
  const parsed = Rial.parse(text);
  if (!parsed.ok) throw new GraphQLError(parsed.error.message, { extensions: { code: "BAD_USER_INPUT" } });
  return parsed.value;
}

/** Money as a decimal string of integer rials: JSON numbers lose precision past 2^53, floats lose rials. */
export const RialScalar = new GraphQLScalarType<Rial, string>({
  name: "Rial",
  description:
    'An amount of Iranian rials as a decimal string of a whole number, such as "1250000" (125,000 toman). Never fractional.',
  serialize(value) {
    if (value instanceof Rial) return value.toString();
    if (typeof value === "bigint") return value.toString();
    throw new GraphQLError("Rial fields must resolve to a Rial or a bigint.");
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Rial amounts are strings, such as "1250000".');
    return parse(ast.value);
  },
});
