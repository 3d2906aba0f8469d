import { Field, ObjectType } from "type-graphql";
import { CountedConnectionType } from "../schema/connection/counted-connection.type.ts";
import { PageInfoType } from "../schema/connection/page-info.type.ts";
import { LedgerEntryType } from "./ledger-entry.type.ts";

@ObjectType("LedgerEntryEdge", { description: "A ledger entry and its cursor." })
export class LedgerEntryEdgeType {
  @Field(() => String, { description: "Opaque position of this entry, for `after` or `before`." })
  cursor!: string;

  @Field(() => LedgerEntryType, { description: "The entry." })
  node!: LedgerEntryType;
}

@ObjectType("LedgerEntryConnection", { description: "A page of a wallet's statement, newest first." })
export class LedgerEntryConnectionType extends CountedConnectionType {
  @Field(() => [LedgerEntryEdgeType], { description: "The entries with their cursors." })
  edges!: LedgerEntryEdgeType[];

  @Field(() => [LedgerEntryType], { description: "The entries, when cursors are not needed." })
  nodes!: LedgerEntryType[];

  @Field(() => PageInfoType, { description: "Whether there are more, and the cursor to get them." })
  pageInfo!: PageInfoType;
}
