import { Field, Int, ObjectType } from "type-graphql";

/**
 * What every connection type extends: `totalCount`, counted only when a query selects it, since
 * it is a COUNT(*) over the whole list and most pages do not need it.
 */
// Never a schema type of its own: no field returns it, and the schema holds only reachable types.
@ObjectType()
export class CountedConnectionType {
  /** The use case's count of the whole list, under the same scope and filter as the page. */
  countAll!: () => Promise<number>;

  @Field(() => Int, {
    description:
      "How many items the whole list holds under the same filter and visibility as this page, across all pages.",
  })
  totalCount(): Promise<number> {
    return this.countAll();
  }
}
