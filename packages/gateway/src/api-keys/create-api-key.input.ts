import type { ApiScope } from "@peykarband/domain";
import { ArrayMaxSize, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { ApiScopeEnum } from "./api-scope.enum.ts";

@InputType("CreateApiKeyInput", { description: "A new API key: its name and what it may do." })
export class CreateApiKeyInput {
  @Field(() => String, { description: "Your name for it, 1 to 64 characters." })
  @MaxLength(64)
  name!: string;

  @Field(() => [ApiScopeEnum], { description: "What the key may do: one or more scopes." })
  @ArrayMaxSize(16)
  scopes!: ApiScope[];
}
