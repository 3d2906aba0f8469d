import { LOG_IN_ERROR_CODES, type LogInErrorCode } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import type { UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { defineUserError } from "../schema/user-errors/user-error.factory.ts";
import { SessionType } from "./session.type.ts";

const LogInUserError = defineUserError("LogIn", LOG_IN_ERROR_CODES);

@ObjectType("LogInPayload", { description: "The result of `logIn`." })
export class LogInPayload {
  @Field(() => SessionType, {
    nullable: true,
    description: "The new session; null when userErrors is not empty.",
  })
  session!: SessionType | null;

  @Field(() => [LogInUserError], {
    description:
      "Why sign-in failed; TWO_FACTOR_REQUIRED asks for totpCode or recoveryCode. Empty on success.",
  })
  userErrors!: UserErrorView<LogInErrorCode>[];
}
