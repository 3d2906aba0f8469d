import { MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";
import { SERVER_ID_DESCRIPTION } from "./server-action.input.ts";

@InputType("RebuildServerInput", { description: "Which server to rebuild, and with what." })
export class RebuildServerInput {
  @Field(() => ID, { description: SERVER_ID_DESCRIPTION })
  @MaxLength(TEXT_LIMITS.id)
  serverId!: string;

  @Field(() => ID, { description: "The image to rebuild with (`Image.id`); it may be the current one." })
  @MaxLength(TEXT_LIMITS.id)
  imageId!: string;
}
