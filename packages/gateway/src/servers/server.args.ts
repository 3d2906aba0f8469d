import { ArgsType } from "type-graphql";
import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";

@ArgsType()
export class ServerArgs {
  @GlobalIdField("Server", { description: "The server's global id." })
  id!: LocalId<"Server">;
}
