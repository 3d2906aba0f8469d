import { Field, ObjectType } from "type-graphql";

@ObjectType("PageInfo", { description: "Where a page of a connection sits, for asking for the next one." })
export class PageInfoType {
  @Field(() => Boolean, {
    description: "Whether items follow this page: exact with first; with last, true when `before` was given.",
  })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description: "Whether items precede this page: exact with last; with first, true when `after` was given.",
  })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the first item, to pass as `before`; null on an empty page.",
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last item, to pass as `after`; null on an empty page.",
  })
  endCursor!: string | null;
}
