import { Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { QUERY_LIMITS, TEXT_LIMITS } from "../limits/query-limits.ts";

@ArgsType()
export class AuditEventsArgs {
  @Field(() => Int, { description: `How many events, 1 to ${QUERY_LIMITS.maxPageSize}.` })
  @Min(1)
  @Max(QUERY_LIMITS.maxPageSize)
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: "Return events older than this cursor (an endCursor).",
  })
  @MaxLength(TEXT_LIMITS.cursor)
  after?: string | null;

  @Field(() => ID, { nullable: true, description: "Only events where this user acted." })
  @MaxLength(TEXT_LIMITS.id)
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only events about this user." })
  @MaxLength(TEXT_LIMITS.id)
  subjectId?: string | null;
}
