import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";
import { CUSTOMER_ID_DESCRIPTION, SERVER_ID_DESCRIPTION } from "./server-action.input.ts";

@InputType("RebuildServerInput", { description: "Which server to rebuild, and with what." })
export class RebuildServerInput {
  @GlobalIdField("Server", { description: SERVER_ID_DESCRIPTION })
  serverId!: LocalId<"Server">;

  @GlobalIdField("User", {
    nullable: true,
    description: CUSTOMER_ID_DESCRIPTION,
  })
  customerId?: LocalId<"User"> | null;

  @Field(() => ID, { description: "The image to rebuild with (`Image.id`); it may be the current one." })
  @MaxLength(TEXT_LIMITS.id)
  imageId!: string;
}
