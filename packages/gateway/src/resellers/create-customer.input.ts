import { MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

@InputType("CreateCustomerInput", { description: "A new customer account in your reseller tree." })
export class CreateCustomerInput {
  @Field(() => String, { description: "The customer's email address; compared case-insensitively." })
  @MaxLength(TEXT_LIMITS.email)
  email!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "A password for the customer to sign in with, 10 to 128 characters. Omitted: the customer cannot sign in, and only you operate the account.",
  })
  @MaxLength(TEXT_LIMITS.password)
  password?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Iranian mobile number as people write it (09…, +989…, Persian digits allowed).",
  })
  @MaxLength(TEXT_LIMITS.phone)
  phone?: string | null;
}
