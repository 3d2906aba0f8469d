import { Field, ObjectType } from "type-graphql";

@ObjectType("AuditDetail", {
  description: "One non-secret fact about an audit event, such as a reason or an old role.",
})
export class AuditDetailType {
  @Field(() => String, { description: 'Name of the fact, such as "reason" or "from".' })
  key!: string;

  @Field(() => String, { description: "Its value." })
  value!: string;
}
