import { Field, InputType } from "type-graphql";

@InputType("LogOutInput", { description: "Which sessions to end." })
export class LogOutInput {
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "End every session of the account (all devices), not only this one.",
  })
  everywhere?: boolean | null;
}
