import { Rial } from "@peykarband/domain";
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const NOT_A_STRING = 'Rial amounts are strings of whole rials, such as "1250000".';

/**
 * As input the scalar only insists on a string and hands the text on unparsed: whether "0", "-5",
 * "12.5", "abc" or 2^63 is acceptable depends on the field (a top-up must be positive and under a
 * ceiling, an adjustment may be negative), so the mutation's use case decides and answers with its
 * `userErrors` rather than a top-level error the user cannot read.
 */
function parseInput(value: unknown): string {
  if (typeof value !== "string")
    throw new GraphQLError(NOT_A_STRING, { extensions: { code: "BAD_USER_INPUT" } });
  return value;
}

/** Money as a decimal string of integer rials: JSON numbers lose precision past 2^53, floats lose rials. */
export const RialScalar = new GraphQLScalarType<string, string>({
  name: "Rial",
  description:
    'An amount of Iranian rials as a decimal string of a whole number, such as "1250000" (125,000 toman). Never fractional. As input any string is taken (Persian digits too) and the field\'s mutation checks it, answering `userErrors` such as INVALID_AMOUNT or AMOUNT_TOO_LARGE; a JSON number is refused.',
  serialize(value) {
    if (value instanceof Rial) return value.toString();
    if (typeof value === "bigint") return value.toString();
    throw new GraphQLError("Rial fields must resolve to a Rial or a bigint.");
  },
  parseValue: parseInput,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError(NOT_A_STRING, { extensions: { code: "BAD_USER_INPUT" } });
    return ast.value;
  },
});
