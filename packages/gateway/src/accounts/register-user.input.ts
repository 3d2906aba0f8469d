import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

@InputType("RegisterUserInput", { description: "A new customer account." })
export class RegisterUserInput {
  @Field(() => String, { description: "Email address to sign in with; compared case-insensitively." })
  @MaxLength(TEXT_LIMITS.email)
  email!: string;

  @Field(() => String, { description: "At least 10 and at most 128 characters." })
  @MaxLength(TEXT_LIMITS.password)
  password!: string;

  @Field(() => String, {
    nullable: true,
    description: "Iranian mobile number as people write it (09…, +989…, Persian digits allowed).",
  })
  @MaxLength(TEXT_LIMITS.phone)
  phone?: string | null;
}
