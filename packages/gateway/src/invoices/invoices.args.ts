import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { ArgsType } from "type-graphql";
import { ConnectionArgs } from "../schema/connection/connection.args.ts";

@ArgsType()
export class InvoicesArgs extends ConnectionArgs {
  @GlobalIdField("User", {
    nullable: true,
    description:
      "Whose invoices (a User id); your own when omitted. Only SUPPORT and ADMIN see anyone else's.",
  })
  userId?: LocalId<"User"> | null;

  @GlobalIdField("User", {
    nullable: true,
    description:
      "Resellers: the invoices of this customer of yours (`User.id`), instead of `userId`; none for a user who is not your customer.",
  })
  customerId?: LocalId<"User"> | null;
}
