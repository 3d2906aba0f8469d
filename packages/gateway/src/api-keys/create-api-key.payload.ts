import { CREATE_API_KEY_ERROR_CODES, type CreateApiKeyErrorCode } from "@peykarband/application";
import { Field, ObjectType } from "type-graphql";
import { defineUserError, type UserErrorView } from "../schema/user-errors/user-error.factory.ts";
import { ApiKeyType } from "./api-key.type.ts";

const CreateApiKeyUserError = defineUserError("CreateApiKey", CREATE_API_KEY_ERROR_CODES);

@ObjectType("CreateApiKeyPayload", { description: "The result of `createApiKey`." })
export class CreateApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true, description: "The key as stored; null on failure." })
  apiKey!: ApiKeyType | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The key itself (`pkb_…`), to send as `Authorization: Bearer …`. Shown this once and never again: store it now. Null on failure.",
  })
  secret!: string | null;

  @Field(() => [CreateApiKeyUserError], { description: "Why no key was created; empty on success." })
  userErrors!: UserErrorView<CreateApiKeyErrorCode>[];
}
