import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

@InputType("LogInInput", { description: "Credentials, and a second factor when the account has one." })
export class LogInInput {
  @Field(() => String, { description: "The account's email address." })
  @MaxLength(TEXT_LIMITS.email)
  email!: string;

  @Field(() => String, { description: "The account's password." })
  @MaxLength(TEXT_LIMITS.password)
  password!: string;

  @Field(() => String, {
    nullable: true,
    description: "The 6-digit code from the authenticator app; needed when two-factor is on.",
  })
  @MaxLength(TEXT_LIMITS.code)
  totpCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "One unused recovery code, instead of totpCode when the app is lost. Each works once.",
  })
  @MaxLength(TEXT_LIMITS.code)
  recoveryCode?: string | null;
}
