import { REVOKE_API_KEY_ERROR_CODES, type RevokeApiKeyErrorCode } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import { defineUserError, type UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { ApiKeyType } from "./api-key.type.ts";

const RevokeApiKeyUserError = defineUserError("RevokeApiKey", REVOKE_API_KEY_ERROR_CODES);

@ObjectType("RevokeApiKeyPayload", { description: "The result of `revokeApiKey`." })
export class RevokeApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true, description: "The key, now revoked; null on failure." })
  apiKey!: ApiKeyType | null;

  @Field(() => [RevokeApiKeyUserError], { description: "Why no key was revoked; empty on success." })
  userErrors!: UserErrorView<RevokeApiKeyErrorCode>[];
}
