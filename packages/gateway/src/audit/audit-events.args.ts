import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { ArgsType } from "type-graphql";
import { ConnectionArgs } from "../schema/connection/connection.args.ts";

@ArgsType()
export class AuditEventsArgs extends ConnectionArgs {
  @GlobalIdField("User", { nullable: true, description: "Only events where this user acted." })
  actorId?: LocalId<"User"> | null;

  @GlobalIdField("User", { nullable: true, description: "Only events about this user." })
  subjectId?: LocalId<"User"> | null;
}
