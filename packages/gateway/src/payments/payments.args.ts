import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { ArgsType } from "type-graphql";
import { ConnectionArgs } from "../schema/connection/connection.args.ts";

@ArgsType()
export class PaymentsArgs extends ConnectionArgs {
  @GlobalIdField("User", {
    nullable: true,
    description:
      "Whose payments (a User id); your own when omitted. Only SUPPORT and ADMIN see anyone else's: for others the list is empty.",
  })
  userId?: LocalId<"User"> | null;

  @GlobalIdField("User", {
    nullable: true,
    description:
      "Resellers: the payments of this customer of yours (`User.id`), instead of `userId`; none for a user who is not your customer.",
  })
  customerId?: LocalId<"User"> | null;
}
