import { ArgsType } from "type-graphql";
import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";

@ArgsType()
export class InvoiceArgs {
  @GlobalIdField("Invoice", { description: "The invoice's global id." })
  id!: LocalId<"Invoice">;
}
