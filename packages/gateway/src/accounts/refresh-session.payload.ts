import { REFRESH_SESSION_ERROR_CODES, type RefreshSessionErrorCode } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import type { UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { defineUserError } from "../schema/user-errors/user-error.factory.ts";
import { SessionType } from "./session.type.ts";

const RefreshSessionUserError = defineUserError("RefreshSession", REFRESH_SESSION_ERROR_CODES);

@ObjectType("RefreshSessionPayload", { description: "The result of `refreshSession`." })
export class RefreshSessionPayload {
  @Field(() => SessionType, {
    nullable: true,
    description: "The same session with a new access token and a new refresh token; null on failure.",
  })
  session!: SessionType | null;

  @Field(() => [RefreshSessionUserError], {
    description: "Why the session was not refreshed; empty on success.",
  })
  userErrors!: UserErrorView<RefreshSessionErrorCode>[];
}
