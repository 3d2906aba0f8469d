import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

@InputType("StartTwoFactorSetupInput", { description: "Re-authentication before changing sign-in security." })
export class StartTwoFactorSetupInput {
  @Field(() => String, { description: "The account's current password." })
  @MaxLength(TEXT_LIMITS.password)
  password!: string;
}
