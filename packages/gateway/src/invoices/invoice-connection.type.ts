import { Field, ObjectType } from "type-graphql";
import { CountedConnectionType } from "../schema/connection/counted-connection.type.ts";
import { PageInfoType } from "../schema/connection/page-info.type.ts";
import { InvoiceType } from "./invoice.type.ts";

@ObjectType("InvoiceEdge", { description: "An invoice and its cursor." })
export class InvoiceEdgeType {
  @Field(() => String, { description: "Opaque position of this invoice, for `after` or `before`." })
  cursor!: string;

  @Field(() => InvoiceType, { description: "The invoice." })
  node!: InvoiceType;
}

@ObjectType("InvoiceConnection", { description: "A page of issued invoices, newest month first." })
export class InvoiceConnectionType extends CountedConnectionType {
  @Field(() => [InvoiceEdgeType], { description: "The invoices with their cursors." })
  edges!: InvoiceEdgeType[];

  @Field(() => [InvoiceType], { description: "The invoices, when cursors are not needed." })
  nodes!: InvoiceType[];

  @Field(() => PageInfoType, { description: "Whether there are more, and the cursor to get them." })
  pageInfo!: PageInfoType;
}
