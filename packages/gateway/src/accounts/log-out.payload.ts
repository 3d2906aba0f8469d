import { LOG_OUT_ERROR_CODES, type LogOutErrorCode } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import type { UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { defineUserError } from "../schema/user-errors/user-error.factory.ts";

const LogOutUserError = defineUserError("LogOut", LOG_OUT_ERROR_CODES);

@ObjectType("LogOutPayload", { description: "The result of `logOut`." })
export class LogOutPayload {
  @Field(() => Boolean, {
    description: "True when the session ended: its refresh tokens and access tokens stop working now.",
  })
  loggedOut!: boolean;

  @Field(() => [LogOutUserError], { description: "Why nothing was ended; empty on success." })
  userErrors!: UserErrorView<LogOutErrorCode>[];
}
