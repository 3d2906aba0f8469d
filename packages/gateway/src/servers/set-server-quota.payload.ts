import { SET_SERVER_QUOTA_ERROR_CODES, type SetServerQuotaErrorCode } from "@peykarband/application";
import { Field, Int, ObjectType } from "type-graphql";
import { UserType } from "../accounts/user.type.ts";
import { defineUserError, type UserErrorView } from "../schema/user-errors/user-error.factory.ts";

const SetServerQuotaUserError = defineUserError("SetServerQuota", SET_SERVER_QUOTA_ERROR_CODES);

@ObjectType("SetServerQuotaPayload", { description: "The result of `setServerQuota`." })
export class SetServerQuotaPayload {
  @Field(() => UserType, { nullable: true, description: "The user whose limit was set; null on failure." })
  user!: UserType | null;

  @Field(() => Int, {
    nullable: true,
    description: "The limit that applies to the user now (the default when reset); null on failure.",
  })
  serverLimit!: number | null;

  @Field(() => [SetServerQuotaUserError], { description: "Why the limit was not set; empty on success." })
  userErrors!: UserErrorView<SetServerQuotaErrorCode>[];
}
