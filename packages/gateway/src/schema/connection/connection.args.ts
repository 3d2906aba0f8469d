import { MaxLength } from "class-validator";
import { ArgsType, Field, Int } from "type-graphql";
import { QUERY_LIMITS, TEXT_LIMITS } from "../../limits/query-limits.ts";

/** Relay paging arguments; `readPageArgs` checks them together. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items from the start (the newest), 1 to ${QUERY_LIMITS.maxPageSize}. Give first or last, not both.`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "With first: the items after this cursor (an endCursor), older ones.",
  })
  @MaxLength(TEXT_LIMITS.cursor)
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `How many items from the end (the oldest), or the ones just before \`before\`, 1 to ${QUERY_LIMITS.maxPageSize}. Give first or last, not both; the page is still newest first.`,
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "With last: the items before this cursor (a startCursor), newer ones.",
  })
  @MaxLength(TEXT_LIMITS.cursor)
  before?: string | null;
}
