import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";
import { CUSTOMER_ID_DESCRIPTION, SERVER_ID_DESCRIPTION } from "./server-action.input.ts";

@InputType("ResizeServerInput", { description: "Which server to resize, and to which plan." })
export class ResizeServerInput {
  @GlobalIdField("Server", { description: SERVER_ID_DESCRIPTION })
  serverId!: LocalId<"Server">;

  @GlobalIdField("User", {
    nullable: true,
    description: CUSTOMER_ID_DESCRIPTION,
  })
  customerId?: LocalId<"User"> | null;

  @Field(() => ID, {
    description:
      "The new plan (`Plan.id`): of the same provider, offered in the server's region, with a disk at least as large.",
  })
  @MaxLength(TEXT_LIMITS.id)
  planId!: string;
}
