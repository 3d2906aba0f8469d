import { ArgsType } from "type-graphql";
import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";

@ArgsType()
export class ServerStatusChangedArgs {
  @GlobalIdField("Server", {
    nullable: true,
    description: "The server to watch (`Server.id`); every server of yours when omitted.",
  })
  serverId?: LocalId<"Server"> | null;
}
