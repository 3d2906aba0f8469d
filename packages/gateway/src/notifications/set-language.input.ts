import { Field, InputType } from "type-graphql";
import { LanguageEnum, type LanguageValue } from "./language.enum.ts";

@InputType("SetLanguageInput", { description: "The language to write to the signed-in user in." })
export class SetLanguageInput {
  @Field(() => LanguageEnum, {
    description: "FA or EN: their email and SMS notices (low balance, suspension …) from the next one on.",
  })
  language!: LanguageValue;
}
