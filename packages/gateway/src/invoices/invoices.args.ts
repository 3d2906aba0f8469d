import { MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";
import { ConnectionArgs } from "../schema/connection/connection.args.ts";

@ArgsType()
export class InvoicesArgs extends ConnectionArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      "Whose invoices (a User id); your own when omitted. Only SUPPORT and ADMIN see anyone else's.",
  })
  @MaxLength(TEXT_LIMITS.id)
  userId?: string | null;
}
