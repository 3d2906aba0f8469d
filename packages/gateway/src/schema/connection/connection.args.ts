import { MaxLength } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { QUERY_LIMITS, TEXT_LIMITS } from "../../limits/query-limits.ts";

/** Relay paging arguments; `forwardPage` checks them together. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items from the start (newest first), 1 to ${QUERY_LIMITS.maxPageSize}. Give first or last.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Items after this cursor (an endCursor)." })
  @MaxLength(TEXT_LIMITS.cursor)
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `How many items from the end, 1 to ${QUERY_LIMITS.maxPageSize}. Not supported yet: refused with BAD_USER_INPUT.`,
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Items before this cursor (a startCursor). Not supported yet: refused with BAD_USER_INPUT.",
  })
  @MaxLength(TEXT_LIMITS.cursor)
  before?: string | null;
}
