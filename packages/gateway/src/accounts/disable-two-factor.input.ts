import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

@InputType("DisableTwoFactorInput", { description: "Both factors, to turn the second one off." })
export class DisableTwoFactorInput {
  @Field(() => String, { description: "The account's current password." })
  @MaxLength(TEXT_LIMITS.password)
  password!: string;

  @Field(() => String, {
    description: "A current code from the authenticator app, or an unused recovery code.",
  })
  @MaxLength(TEXT_LIMITS.code)
  code!: string;
}
