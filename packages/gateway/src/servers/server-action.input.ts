import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { InputType } from "type-graphql";

export const SERVER_ID_DESCRIPTION =
  "The server's global id (`Server.id`). One that is not yours, or not a Server's, is SERVER_NOT_FOUND.";

export const CUSTOMER_ID_DESCRIPTION =
  "Resellers: your customer (`User.id`) whose server this is. One that is not your customer is CUSTOMER_NOT_FOUND; omitted, the server is looked up as yours.";

/** The input of a mutation whose only argument is the server: `XInput { serverId }`. */
function defineServerActionInput(mutation: string, description: string) {
  @InputType(`${mutation}Input`, { description })
  class ServerActionInput {
    @GlobalIdField("Server", { description: SERVER_ID_DESCRIPTION })
    serverId!: LocalId<"Server">;

    @GlobalIdField("User", {
      nullable: true,
      description: CUSTOMER_ID_DESCRIPTION,
    })
    customerId?: LocalId<"User"> | null;
  }
  return ServerActionInput;
}

export const PowerOffServerInput = defineServerActionInput("PowerOffServer", "Which server to power off.");
export const PowerOnServerInput = defineServerActionInput("PowerOnServer", "Which server to power on.");
export const RebootServerInput = defineServerActionInput("RebootServer", "Which server to reboot.");
export const DeleteServerInput = defineServerActionInput("DeleteServer", "Which server to delete.");
