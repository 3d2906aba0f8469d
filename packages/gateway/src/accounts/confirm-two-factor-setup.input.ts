import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

@InputType("ConfirmTwoFactorSetupInput", { description: "Proof that the authenticator app has the secret." })
export class ConfirmTwoFactorSetupInput {
  @Field(() => String, { description: "The 6-digit code the authenticator app shows now." })
  @MaxLength(TEXT_LIMITS.code)
  code!: string;
}
