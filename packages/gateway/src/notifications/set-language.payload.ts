import { SET_LANGUAGE_ERROR_CODES, type SetLanguageErrorCode } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import { UserType } from "../accounts/user.type.ts";
import type { UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { defineUserError } from "../schema/user-errors/user-error.factory.ts";

const SetLanguageUserError = defineUserError("SetLanguage", SET_LANGUAGE_ERROR_CODES);

@ObjectType("SetLanguagePayload", { description: "The result of `setLanguage`." })
export class SetLanguagePayload {
  @Field(() => UserType, {
    nullable: true,
    description: "The signed-in user, whose `language` is the new one; null on failure.",
  })
  user!: UserType | null;

  @Field(() => [SetLanguageUserError], { description: "Why the language was not set; empty on success." })
  userErrors!: UserErrorView<SetLanguageErrorCode>[];
}
