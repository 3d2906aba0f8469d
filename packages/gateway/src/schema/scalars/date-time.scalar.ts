import { GraphQLScalarType } from "graphql";
import { DateTimeResolver } from "graphql-scalars";

/** graphql-scalars' RFC 3339 parsing and serialization, described in our terms. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  description: 'A moment in time as an ISO 8601 string in UTC, such as "2026-03-21T08:30:00.000Z".',
});
