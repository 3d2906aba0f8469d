import { ArgsType, Field } from "type-graphql";
import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { ConnectionArgs } from "../schema/connection/connection.args.ts";
import { ServerFilterInput } from "./server-filter.input.ts";

@ArgsType()
export class ServersArgs extends ConnectionArgs {
  @Field(() => ServerFilterInput, {
    nullable: true,
    description: "Narrows the list; every server when omitted.",
  })
  filter?: ServerFilterInput | null;

  @GlobalIdField("User", {
    nullable: true,
    description:
      "Resellers: the servers of this customer of yours (`User.id`); none for a user who is not your customer.",
  })
  customerId?: LocalId<"User"> | null;
}
