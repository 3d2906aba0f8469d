import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

@InputType("ConfirmSecondFactorInput", { description: "A second factor, to step the session up." })
export class ConfirmSecondFactorInput {
  @Field(() => String, {
    description: "A current code from the authenticator app, or an unused recovery code.",
  })
  @MaxLength(TEXT_LIMITS.code)
  code!: string;
}
