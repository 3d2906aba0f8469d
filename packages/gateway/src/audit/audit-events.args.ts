import { MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";
import { ConnectionArgs } from "../schema/connection/connection.args.ts";

@ArgsType()
export class AuditEventsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: "Only events where this user acted." })
  @MaxLength(TEXT_LIMITS.id)
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only events about this user." })
  @MaxLength(TEXT_LIMITS.id)
  subjectId?: string | null;
}
