import { ArgsType, Field } from "type-graphql";
import { ConnectionArgs } from "../schema/connection/connection.args.ts";
import { ServerFilterInput } from "./server-filter.input.ts";

@ArgsType()
export class ServersArgs extends ConnectionArgs {
  @Field(() => ServerFilterInput, {
    nullable: true,
    description: "Narrows the list; every server when omitted.",
  })
  filter?: ServerFilterInput | null;
}
