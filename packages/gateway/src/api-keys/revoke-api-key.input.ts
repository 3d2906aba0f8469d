import { MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { TEXT_LIMITS } from "../limits/query-limits.ts";

@InputType("RevokeApiKeyInput", { description: "The API key to revoke." })
export class RevokeApiKeyInput {
  @Field(() => ID, { description: "The key's id (ApiKey.id)." })
  @MaxLength(TEXT_LIMITS.id)
  apiKeyId!: string;
}
