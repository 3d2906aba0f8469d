import { GlobalIdField } from "../schema/node/global-id-field.decorator.ts";
import type { LocalId } from "../schema/node/global-id.ts";
import { InputType } from "type-graphql";

@InputType("RevokeApiKeyInput", { description: "The API key to revoke." })
export class RevokeApiKeyInput {
  @GlobalIdField("ApiKey", { description: "The key's id (ApiKey.id)." })
  apiKeyId!: LocalId<"ApiKey">;
}
