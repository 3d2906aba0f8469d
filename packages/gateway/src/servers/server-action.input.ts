import { MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

export const SERVER_ID_DESCRIPTION =
  "The server's global id (`Server.id`). One that is not yours, or not a Server's, is SERVER_NOT_FOUND.";

/** The input of a mutation whose only argument is the server: `XInput { serverId }`. */
export function defineServerActionInput(mutation: string, description: string) {
  @InputType(`${mutation}Input`, { description })
  class ServerActionInput {
    @Field(() => ID, { description: SERVER_ID_DESCRIPTION })
    @MaxLength(TEXT_LIMITS.id)
    serverId!: string;
  }
  return ServerActionInput;
}

export const PowerOffServerInput = defineServerActionInput("PowerOffServer", "Which server to power off.");
export const PowerOnServerInput = defineServerActionInput("PowerOnServer", "Which server to power on.");
export const RebootServerInput = defineServerActionInput("RebootServer", "Which server to reboot.");
export const DeleteServerInput = defineServerActionInput("DeleteServer", "Which server to delete.");
