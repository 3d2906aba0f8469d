import { REGISTER_USER_ERROR_CODES, type RegisterUserErrorCode } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import type { UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { defineUserError } from "../schema/user-errors/user-error.factory.ts";
import { SessionType } from "./session.type.ts";
import { UserType } from "./user.type.ts";

const RegisterUserUserError = defineUserError("RegisterUser", REGISTER_USER_ERROR_CODES);

@ObjectType("RegisterUserPayload", { description: "The result of `registerUser`." })
export class RegisterUserPayload {
  @Field(() => UserType, {
    nullable: true,
    description: "The new account; null when userErrors is not empty.",
  })
  user!: UserType | null;

  @Field(() => SessionType, {
    nullable: true,
    description: "A session for the new account, already signed in.",
  })
  session!: SessionType | null;

  @Field(() => [RegisterUserUserError], { description: "Why the account was not created; empty on success." })
  userErrors!: UserErrorView<RegisterUserErrorCode>[];
}
